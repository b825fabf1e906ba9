import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { MAX_CLOCK_ADVANCE_MS, MAX_DELAY_MS, systemClock } from '../../src/clock.ts';
import { chat, hello, mockApp } from '../support/mock-app.ts';
import { thrownBy } from '../support/thrown-by.ts';

afterEach(() => vi.useRealTimers());

const postClock = (app: ReturnType<typeof mockApp>, advance: number) =>
  app.request('/_mock/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"advance_ms":${advance}}` });

describe('delay and clock maxima', () => {
  it('refuses a clock advance past the documented maximum with a 400', async () => {
    const app = mockApp();
    const res = await postClock(app, 2 ** 52);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toBe(`Invalid request: the \`advance_ms\` field in the request is illegal: at most ${MAX_CLOCK_ADVANCE_MS} ms (one year) per call`);
    expect((await postClock(app, MAX_CLOCK_ADVANCE_MS)).status).toBe(200);
  });

  it('refuses a fixture fault delay_ms of 1e308 at load, naming the field and the maximum', () => {
    const error = <Error>thrownBy(() => createApp({ fixtures: [{ name: 'slow', fault: { kind: 'http', status: 500, delay_ms: 1e308 } }] }));
    expect(error.message).toBe(`Failed to load fixtures from inline: fixtures[0].fault.delay_ms must be at most ${MAX_DELAY_MS}, not the number 1e+308`);
  });

  it('refuses an x-mock-fault header delay past the maximum with a 400', async () => {
    const res = await chat(mockApp(), { model: 'kimi-k2.6', messages: hello }, { Authorization: 'Bearer k', 'x-mock-fault': '{"kind":"disconnect","after_ms":1e308}' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe(`Invalid request: x-mock-fault: after_ms: at most ${MAX_DELAY_MS} ms (24 hours)`);
  });

  it('refuses a stream ttftMs past the maximum', () => {
    const error = <Error>thrownBy(() => createApp({ fixtures: [{ name: 'slow', reply: { content: 'x' }, stream: { ttftMs: 1e12 } }] }));
    expect(error.message).toMatch(/fixtures\[0\]\.stream\.ttftMs must be at most 86400000, not the number 1000000000000$/);
  });

  it('refuses a stream tokensPerSecond under 0.001', () => {
    const error = <Error>thrownBy(() => createApp({ fixtures: [{ name: 'slow', reply: { content: 'x' }, stream: { tokensPerSecond: 1e-300 } }] }));
    expect(error.message).toBe('Failed to load fixtures from inline: fixtures[0].stream.tokensPerSecond must be at least 0.001, not the number 1e-300');
  });

  it('sleeps the full time on the wall clock past setTimeout\'s 2^31-1 ms, without an overflow warning', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const warnings = vi.spyOn(process, 'emitWarning');
    let done = false;
    void systemClock.sleep(2 ** 31 + 5).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(done).toBe(true);
    expect(warnings).not.toHaveBeenCalled();
    warnings.mockRestore();
  });
});
