// The benchmark's baseline: a bare Hono handler that parses the body and returns a constant completion.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

const completion = {
  id: 'chatcmpl-6a8f158b4a03b52c4f017fd4', object: 'chat.completion', created: 1787762059, model: 'kimi-k2.6',
  choices: [{ index: 0, message: { role: 'assistant', content: 'You asked: "Hi". The short answer depends on a clear goal.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 11, completion_tokens: 14, total_tokens: 25 },
};

const app = new Hono();
app.post('/v1/chat/completions', async (c) => {
  await c.req.json();
  return c.json(completion);
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`bare listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
});
