// A reference for the benchmark: the floor's handler (read the body, parse it, answer a constant
// completion) mounted inside the emulator's own app, so every request goes through the emulator's
// middleware (namespace, ids, Msh-Request-Id, Host check, journal entry) but none of the chat flow.
// The gap between the floor and this is what the emulator's per-request bookkeeping costs; the gap
// between this and the chat route is the chat flow itself.
import { serve } from '@hono/node-server';
import { createApp } from '../../dist/index.js';

const completion = {
  id: 'chatcmpl-6a8f158b4a03b52c4f017fd4', object: 'chat.completion', created: 1787762059, model: 'moonshot-v1-8k',
  choices: [{ index: 0, message: { role: 'assistant', content: 'You asked: "Hi". The short answer depends on a clear goal.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 11, completion_tokens: 14, total_tokens: 25 },
};

const app = createApp({ log: () => {} });
app.post('/bench/v1/chat/completions', async (c) => {
  const chunks = [];
  for await (const chunk of c.env.incoming) chunks.push(chunk);
  JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return c.json(completion);
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`stack listening on http://127.0.0.1:${server.address().port}/bench/v1`);
});
