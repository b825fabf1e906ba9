// The benchmark's floor: a bare Hono app in plain Node with the floor's handler (see floor-handler.mjs);
// `node bare-server.mjs json` reads the body with `c.req.json()` instead, for the reference row;
// `node bare-server.mjs raw 3` adds 3 µs of busy work per request, for the calibration row.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { floorHandler } from './floor-handler.mjs';

const mode = process.argv[2] ?? 'raw';
const busyUs = Number(process.argv[3] ?? 0);
const app = new Hono();
app.post('/v1/chat/completions', floorHandler(mode, busyUs));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`bare (${mode}${busyUs ? ` + ${busyUs} µs` : ''}) listening on http://127.0.0.1:${server.address().port}/v1`);
});
