import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { hello } from '../support/mock-app.ts';
import { MODEL, TEST_MODELS } from './journal-app.ts';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close(0);
  server = undefined;
});

const journal = async () => ((await (await fetch(`${server!.url}/_mock/requests`)).json()) as { requests: any[] }).requests;

describe('the journal behind a real socket', () => {
  it('marks a stream whose client hung up as aborted, after recording it when it started', async () => {
    server = await startServer({ port: 0, log: () => {}, models: TEST_MODELS, clock: createManualClock(0), fixtures: [{ reply: { content: 'one two three' }, stream: { ttftMs: 60_000 } }] });
    const controller = new AbortController();
    const res = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
      body: JSON.stringify({ model: MODEL, messages: hello, stream: true }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    expect((await journal())[0]).toMatchObject({ status: 200, stream: true, aborted: false, reply: { content: 'one two three' } });
    controller.abort();
    await vi.waitFor(async () => expect((await journal())[0].aborted).toBe(true), { timeout: 30_000 });
  });

  it('journals a request that carries a key without the key', async () => {
    server = await startServer({ port: 0, log: () => {} });
    await fetch(`${server.baseURL}/models`, { headers: { authorization: 'Bearer sk-socket-secret-42' } });
    const text = await (await fetch(`${server.url}/_mock/requests`)).text();
    expect([text.includes('/v1/models'), text.includes('sk-socket-secret-42')]).toEqual([true, false]);
  });
});
