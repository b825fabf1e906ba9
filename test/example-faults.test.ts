import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../src/clock.ts';
import { chat, mockApp, plain } from './support/mock-app.ts';

const file = fileURLToPath(new URL('../fixtures/faults.yaml', import.meta.url));
const clock = createVirtualClock(0);
const app = mockApp({ fixtures: [file], clock, log: () => {} });
const ask = (content: string, extra: Record<string, unknown> = {}) => chat(app, { ...plain, messages: [{ role: 'user', content }], ...extra });
const streamText = async (content: string) => (await ask(content, { stream: true })).text;

// Each test starts from a fresh run (sequences, fault windows), whatever ran before it.
beforeEach(async () => {
  await app.request('/_mock/reset', { method: 'POST', headers: { 'content-type': 'application/json' } });
});

describe('the example faults in fixtures/faults.yaml', () => {
  it('fail twice, then succeed', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask('a flaky request')).status);
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('answer a content filter rejection', async () => {
    expect((await ask('a risky request')).json).toEqual({
      error: { message: 'The request was rejected because it was considered high risk', type: 'content_filter' },
    });
  });

  it('time out after 2 hours of simulated generation', async () => {
    const started = clock.now();
    expect((await ask('a slow request')).status).toBe(504);
    expect(clock.now() - started).toBe(2 * 60 * 60 * 1000);
  });

  it('break streams in each documented way', async () => {
    expect((await streamText('error mid-stream')).endsWith('data: {"error":{"message":"The engine failed mid-stream","type":"server_error"}}\n\n')).toBe(true);
    expect(await streamText('garble the stream')).toContain('data: {"id":"chatcmpl-malformed"');
    const truncated = await streamText('truncate the stream');
    expect(truncated.split('\n\n').filter(Boolean)).toHaveLength(3);
    expect(truncated).not.toContain('[DONE]');
    expect(await streamText('stall the stream')).not.toContain('[DONE]'); // the virtual clock lets the stall cap pass at once
    await expect(ask('drop the stream', { stream: true })).rejects.toThrow(/disconnect/);
  });
});
