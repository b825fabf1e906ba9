import OpenAI from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.ts';
import { startServer, type RunningServer } from '../src/index.ts';
import { chat, hello, mockApp, plain } from './support/mock-app.ts';
import { drain, sdkClient } from './support/sdk-client.ts';

const quiet = { log: () => {} };
const reply = { content: 'It is sunny in Paris today, with a light breeze.' };
const streamOf = (client: OpenAI, options?: OpenAI.RequestOptions) =>
  client.chat.completions.create({ ...plain, messages: [{ role: 'user', content: 'Hi' }], stream: true }, options);
const appWith = (fault: Record<string, unknown>, extra: Record<string, unknown> = {}) => mockApp({ ...quiet, ...extra, fixtures: [{ fault, reply }] });

describe('stream faults through the openai SDK', () => {
  it('make iteration throw on a disconnect', async () => {
    await expect(drain(await streamOf(sdkClient(appWith({ kind: 'disconnect', after_chunks: 3 }))))).rejects.toThrow('moonshot-mock: injected disconnect');
  });

  it('make iteration throw on an error event, sent as a data line without [DONE]', async () => {
    const app = appWith({ kind: 'error_event', after_chunks: 2, type: 'server_error', message: 'boom' });
    await expect(drain(await streamOf(sdkClient(app)))).rejects.toThrow(/boom/);
    const res = await chat(app, { ...plain, messages: hello, stream: true });
    expect(res.text).toContain('data: {"error":{"message":"boom","type":"server_error"}}\n\n');
    expect(res.text).not.toContain('[DONE]');
  });

  it("make the SDK's parser fail on a malformed chunk", async () => {
    await expect(drain(await streamOf(sdkClient(appWith({ kind: 'malformed_chunk', after_chunks: 2 }))))).rejects.toThrow(SyntaxError);
  });

  it('end cleanly without the final chunk or [DONE] on truncate', async () => {
    const res = await chat(appWith({ kind: 'truncate', after_chunks: 3 }), { ...plain, messages: hello, stream: true });
    const events = res.text.split('\n\n').filter(Boolean);
    expect(events).toHaveLength(3);
    expect(res.text).not.toContain('finish_reason":"stop"');
    expect(res.text).not.toContain('[DONE]');
  });

  it("trip the client's own timeout on a stall, leaving no timer behind", async () => {
    const clock = createManualClock(0);
    const app = appWith({ kind: 'stall', after_chunks: 2 }, { clock });
    const client = sdkClient(app, { maxRetries: 0 });
    // Warm the shared token counter first (through an app without the fault), so the timeout below can
    // only strike during the stall.
    expect((await chat(mockApp(quiet), { ...plain, messages: hello })).status).toBe(200);
    // The client's timeout, on a real timer. (Not AbortSignal.timeout: its timer holds the signal weakly,
    // and with the manual clock nothing else keeps this stalled exchange reachable, so a collection
    // under load could drop the signal before it fired and leave the test waiting forever.)
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('The operation timed out.', 'TimeoutError')), 400);
    const stream = await streamOf(client, { signal: timeout.signal });
    // The SDK ends iteration quietly when the caller's own signal aborts it; the stall is what made it abort.
    const outcome = await drain(stream).then((text) => text, (err: unknown) => err);
    clearTimeout(timer);
    expect(timeout.signal.aborted).toBe(true);
    expect(outcome).not.toBe(reply.content);
    await expect.poll(() => clock.pending(), { timeout: 30_000 }).toBe(0);
  });

  it('end a stall at the configured cap', async () => {
    const clock = createManualClock(0);
    const app = appWith({ kind: 'stall', after_chunks: 1 }, { clock, stallCapMs: 5000 });
    const pending = chat(app, { ...plain, messages: hello, stream: true });
    await expect.poll(() => clock.pending(), { timeout: 30_000 }).toBe(1);
    clock.advance(5000);
    const res = await pending;
    expect(res.text.split('\n\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('faults over a real socket', () => {
  let server: RunningServer;
  afterAll(() => server?.close().catch(() => {}));

  it('drop the connection on a disconnect, for streams and plain requests, and leave nothing behind after a stalled stream is abandoned', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    server = await startServer({
      ...quiet,
      port: 0,
      fixtures: [
        { match: { user: 'drop' }, fault: { kind: 'disconnect', after_chunks: 2 }, reply },
        { match: { user: 'stall' }, fault: { kind: 'stall', after_chunks: 1 }, reply },
        { reply },
      ],
    });
    const client = new OpenAI({ apiKey: 'k', baseURL: server.baseURL, maxRetries: 0 });
    const messages = [{ role: 'user' as const, content: 'drop it' }];
    // Node's fetch reports the dropped socket as `TypeError: terminated` (cause UND_ERR_SOCKET).
    await expect(drain(await client.chat.completions.create({ ...plain, messages, stream: true }))).rejects.toThrow(new TypeError('terminated'));
    await expect(client.chat.completions.create({ ...plain, messages })).rejects.toThrow(OpenAI.APIConnectionError);
    const stalled = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer k' },
      body: JSON.stringify({ ...plain, messages: [{ role: 'user', content: 'stall please' }], stream: true }),
    });
    const reader = stalled.body!.getReader();
    await reader.read();
    await reader.cancel();
    const fine = await client.chat.completions.create({ ...plain, messages: [{ role: 'user', content: 'fine' }] });
    expect(fine.choices[0]!.message.content).toBe(reply.content);
    await server.close();
    await expect.poll(() => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, { timeout: 30_000 }).toBeLessThanOrEqual(before);
  });
});
