// The benchmark's floor: a bare Hono handler in plain Node that reads the body, parses it and returns
// a constant completion. `raw` (the default, the floor) reads the body from the Node request stream, as
// the emulator does; `json` uses `c.req.json()`, which makes @hono/node-server build a web Request first.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const mode = process.argv[2] ?? 'raw';
const completion = {
  id: 'chatcmpl-6a8f158b4a03b52c4f017fd4', object: 'chat.completion', created: 1787762059, model: 'moonshot-v1-8k',
  choices: [{ index: 0, message: { role: 'assistant', content: 'You asked: "Hi". The short answer depends on a clear goal.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 11, completion_tokens: 14, total_tokens: 25 },
};

async function readBody(c) {
  if (mode === 'json') return c.req.json();
  const chunks = [];
  for await (const chunk of c.env.incoming) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const app = new Hono();
app.post('/v1/chat/completions', async (c) => {
  await readBody(c);
  return c.json(completion);
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`bare (${mode}) listening on http://127.0.0.1:${server.address().port}/v1`);
});
