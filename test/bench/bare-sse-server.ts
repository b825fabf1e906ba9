// The streaming baseline: bare Hono streamSSE writing a given list of chunk payloads, then [DONE].
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const payloads = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[];
const app = new Hono();
app.post('/v1/chat/completions', async (c) => {
  await c.req.json();
  return streamSSE(c, async (stream) => {
    for (const data of payloads) await stream.writeSSE({ data });
  });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`bare-sse listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
});
