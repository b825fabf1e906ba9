// A reference for the benchmark: the floor's handler (read the body, parse it, answer a constant
// completion) mounted inside the emulator's own app, so every request goes through the emulator's
// middleware (namespace, ids, Msh-Request-Id, Host check, journal entry) but none of the chat flow.
// The gap between the floor and this is what the emulator's per-request bookkeeping costs; the gap
// between this and the chat route is the chat flow itself.
import { serve } from '@hono/node-server';
import { createApp } from '../../dist/index.js';
import { floorHandler } from './floor-handler.mjs';

const app = createApp({ log: () => {} });
app.post('/bench/v1/chat/completions', floorHandler());
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`stack listening on http://127.0.0.1:${server.address().port}/bench/v1`);
});
