import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../src/clock.ts';
import { chat, hello, mockApp, plain } from './support/mock-app.ts';
import { sdkClient } from './support/sdk-client.ts';

const quiet = { log: () => {} };
const ask = (client: OpenAI) => client.chat.completions.create({ ...plain, messages: [{ role: 'user', content: 'hello' }] });

describe('HTTP faults', () => {
  it('fail twice with 429, then let the SDK retry succeed', async () => {
    const app = mockApp({ ...quiet, fixtures: [{ name: 'flaky', match: { user: 'hello' }, fault: { kind: 'http', status: 429, when: { first: 2 } }, reply: { content: 'Hello!' } }] });
    const seen: number[] = [];
    const client = sdkClient(app, {
      maxRetries: 2,
      fetch: async (input, init) => {
        const res = await app.request(input as string, init);
        seen.push(res.status);
        return res;
      },
    });
    const completion = await ask(client);
    expect(completion.choices[0]!.message.content).toBe('Hello!');
    expect(seen).toEqual([429, 429, 200]);
  });

  it('answer 429 engine_overloaded_error with the live message by default', async () => {
    const app = mockApp({ ...quiet, fixtures: [{ match: {}, fault: { kind: 'http', status: 429 }, reply: { content: 'x' } }] });
    const err = await ask(sdkClient(app, { maxRetries: 0 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect(err).toMatchObject({ status: 429, type: 'engine_overloaded_error', message: '429 The engine is currently overloaded, please try again later' });
  });

  it('send no Retry-After unless the fault asks for one', async () => {
    const first = await chat(mockApp(quiet), { ...plain, messages: hello }, { Authorization: 'Bearer k', 'x-mock-fault': '429' });
    expect(first.headers.get('retry-after')).toBeNull();
    const header = JSON.stringify({ kind: 'http', status: 503, retry_after: 7, type: 'server_error', message: 'busy' });
    const withRetry = await chat(mockApp(quiet), { ...plain, messages: hello }, { Authorization: 'Bearer k', 'x-mock-fault': header });
    expect(withRetry.status).toBe(503);
    expect(withRetry.headers.get('retry-after')).toBe('7');
    expect(withRetry.json).toEqual({ error: { message: 'busy', type: 'server_error' } });
  });

  it('wait delay_ms on the app clock before answering', async () => {
    const clock = createVirtualClock(0);
    const app = mockApp({ ...quiet, clock, faults: [{ kind: 'http', status: 500, delay_ms: 1500 }] });
    const res = await chat(app, { ...plain, messages: hello });
    expect(res.status).toBe(500);
    expect(clock.now()).toBe(1500);
  });

  it('answer a timeout fault with 504 once the configured timeout elapses', async () => {
    const clock = createVirtualClock(0);
    const app = mockApp({ ...quiet, clock, timeoutMs: 1000, tokensPerSecond: 10, fixtures: [{ fault: { kind: 'timeout' }, reply: { content: 'one two three four five six seven eight nine ten eleven twelve' } }] });
    const err = await ask(sdkClient(app, { maxRetries: 0 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err).toMatchObject({ status: 504, type: 'server_error' });
    expect(clock.now()).toBe(1000);
  });

  it('serve a timeout-fault request that fits the timeout after its generation time', async () => {
    const clock = createVirtualClock(0);
    const app = mockApp({ ...quiet, clock, timeoutMs: 60_000, tokensPerSecond: 10, fixtures: [{ fault: { kind: 'timeout' }, reply: { content: 'one two three' } }] });
    expect((await ask(sdkClient(app))).choices[0]!.message.content).toBe('one two three');
    expect(clock.now()).toBe(300);
  });
});

describe('fault precedence', () => {
  const fixtures = [{ match: {}, fault: { kind: 'http' as const, status: 500 }, reply: { content: 'x' } }];
  const faults = [{ kind: 'http' as const, status: 503 }];
  const status = async (options: Record<string, unknown>, header?: string) =>
    (await chat(mockApp({ ...quiet, ...options }), { ...plain, messages: hello }, { Authorization: 'Bearer k', ...(header && { 'x-mock-fault': header }) })).status;

  it('lets the x-mock-fault header win over fixture and config faults', async () => {
    expect(await status({ fixtures, faults }, '502')).toBe(502);
  });

  it('lets a fixture fault win over config faults', async () => {
    expect(await status({ fixtures, faults })).toBe(500);
  });

  it('falls back to config faults when no header or fixture fault fires', async () => {
    expect(await status({ faults })).toBe(503);
    const outside = [{ match: {}, fault: { kind: 'http' as const, status: 500, when: { calls: [5] } }, reply: { content: 'x' } }];
    expect(await status({ fixtures: outside, faults })).toBe(503);
  });

  it('applies a config fault only to requests its match selects', async () => {
    expect(await status({ faults: [{ kind: 'http', status: 503, match: { model: 'kimi-k3' } }] })).toBe(200);
  });

  it('rejects a malformed x-mock-fault header with a 400', async () => {
    const res = await chat(mockApp(quiet), { ...plain, messages: hello }, { Authorization: 'Bearer k', 'x-mock-fault': 'explode' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^Invalid request: x-mock-fault: /);
  });

  it('replays the same seeded probability outcomes on every run, and others for another seed', async () => {
    const run = async (seed: number) => {
      const app = mockApp({ ...quiet, seed, faults: [{ kind: 'http', status: 429, when: { probability: 0.5 } }] });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await chat(app, { ...plain, messages: hello })).status);
      return out.join(',');
    };
    const first = await run(1);
    expect(await run(1)).toBe(first);
    expect(first).toContain('429');
    expect(first).toContain('200');
    expect(await run(2)).not.toBe(first);
  });

  it('logs each injected fault with its source', async () => {
    const lines: string[] = [];
    await chat(mockApp({ log: (l: string) => lines.push(l), faults }), { ...plain, messages: hello });
    expect(lines).toEqual([expect.stringMatching(/^moonshot-mock: injected http fault \(source: config\) \[[0-9a-f-]+\]$/)]);
  });
});
