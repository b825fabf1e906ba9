import { afterEach, describe, expect, it } from 'vitest';
import OpenAI, { APIError } from 'openai';
import { createManualClock } from '../../src/clock.ts';
import { client, filesIn, harness } from './two-instances.ts';

const h = harness();
afterEach(() => h.cleanup());

const ask = { model: 'kimi-k2.6', messages: [{ role: 'user' as const, content: 'Hello?' }] };

/** The API error a client gets for `ask`. */
async function failure(openai: OpenAI, stream = false): Promise<APIError> {
  try {
    if (stream) for await (const _ of await openai.chat.completions.create({ ...ask, stream: true }));
    else await openai.chat.completions.create(ask);
  } catch (err) {
    return err as APIError;
  }
  throw new Error('the request succeeded');
}

describe('upstream failures', { timeout: 60_000 }, () => {
  it('answers 502 naming an unreachable upstream, and writes nothing', async () => {
    const closed = await h.upstream();
    const upstream = closed.baseURL;
    await h.stopServers();
    const dir = h.dir();
    const recorder = await h.start({ record: { dir, upstream } });
    const err = await failure(client(recorder));
    expect(err.status).toBe(502);
    expect((err.error as any).type).toBe('upstream_error');
    expect(err.message).toContain(`Failed to reach the upstream ${upstream}: connect ECONNREFUSED`);
    expect(err.message).toContain('Nothing was recorded');
    expect(filesIn(dir)).toEqual({});
  });

  it('answers 502 on a TLS failure, naming the upstream', async () => {
    const upstream = (await h.raw((_req, res) => res.end('plain http'))).replace('http:', 'https:');
    const recorder = await h.start({ record: { dir: h.dir(), upstream } });
    const err = await failure(client(recorder));
    expect(err.status).toBe(502);
    expect(err.message).toContain(`Failed to reach the upstream ${upstream}:`);
  });

  it('answers 502 when the upstream sends no headers within timeoutMs, and writes nothing', async () => {
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const upstream = await h.raw(() => arrived());
    const clock = createManualClock(0);
    const dir = h.dir();
    const recorder = await h.start({ clock, record: { dir, upstream, timeoutMs: 5000 } });
    const pending = failure(client(recorder));
    await reached;
    clock.advance(5000);
    const err = await pending;
    expect(err.status).toBe(502);
    expect(err.message).toContain('no answer within 5000 ms');
    expect(filesIn(dir)).toEqual({});
  });

  it('writes nothing when the upstream stream breaks off before [DONE]', async () => {
    const upstream = await h.raw((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"kimi-k2.6","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}\n\n');
      setImmediate(() => res.destroy());
    });
    const dir = h.dir();
    const recorder = await h.start({ record: { dir, upstream } });
    const err = await failure(client(recorder), true);
    // The connection drops as it would have straight from the upstream: no status, no body.
    expect(err.status).toBeUndefined();
    expect(err.message).toBe('terminated');
    await expect.poll(() => h.logs.some((line) => line.includes('the upstream answer broke off; nothing recorded'))).toBe(true);
    expect(filesIn(dir)).toEqual({});
  });

  it('forwards but writes nothing in proxy mode', async () => {
    const upstream = await h.upstream({ fixtures: [{ reply: { content: 'From upstream.' } }] });
    const proxy = await h.start({ record: { mode: 'proxy', upstream: upstream.baseURL }, fixtures: [] });
    const completion = await client(proxy).chat.completions.create(ask);
    expect(completion.choices[0]!.message.content).toBe('From upstream.');
    expect(h.logs.some((line) => line.includes('proxy: nothing recorded'))).toBe(true);
  });
});
