import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/clock.ts';
import { createFixtureSet, loadFixtures } from '../../src/index.ts';
import { chat, hello, mockApp, plain, sseData } from '../support/mock-app.ts';

const quiet = { log: () => {} };
const twelveWords = { content: 'one two three four five six seven eight nine ten eleven twelve' };
const flaky = { name: 'flaky', fault: { kind: 'http', status: 429, when: { first: 2 } }, reply: { content: 'finally' } };

/** Statuses of `count` plain requests, in order. */
async function statuses(app: ReturnType<typeof mockApp>, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await chat(app, { ...plain, messages: hello })).status);
  return out;
}

describe('a timeout fault on a streaming request', () => {
  it('answers 504 when the timeout elapses, instead of streaming to [DONE]', async () => {
    const clock = createVirtualClock(0);
    const app = mockApp({ ...quiet, clock, timeoutMs: 1000, tokensPerSecond: 10, fixtures: [{ fault: { kind: 'timeout' }, reply: twelveWords }] });
    const res = await chat(app, { ...plain, messages: hello, stream: true });
    expect(res.status).toBe(504);
    expect(res.json).toEqual({ error: { message: 'Request timed out, please try again later', type: 'server_error' } });
    expect(clock.now()).toBe(1000);
  });

  it('streams at the simulated speed, taking its generation time, when it fits the timeout', async () => {
    const clock = createVirtualClock(0);
    const app = mockApp({ ...quiet, clock, timeoutMs: 60_000, tokensPerSecond: 10, fixtures: [{ fault: { kind: 'timeout' }, reply: twelveWords }] });
    const res = await chat(app, { ...plain, messages: hello, stream: true });
    expect(sseData(res.text).at(-1)).toBe('[DONE]');
    // The first word arrives at ttftMs (0 here), each of the 11 others 1 ÷ 10 s later.
    expect(clock.now()).toBe(1100);
  });
});

describe('restarting fault windows together with reply sequences', () => {
  it('fails twice again after set.resetCalls()', async () => {
    const set = createFixtureSet(loadFixtures([flaky]));
    const app = mockApp({ ...quiet, fixtureSet: set });
    expect(await statuses(app, 3)).toEqual([429, 429, 200]);
    set.resetCalls();
    expect(await statuses(app, 3)).toEqual([429, 429, 200]);
  });

  it('fails twice again after POST /_mock/reset', async () => {
    const app = mockApp({ ...quiet, fixtures: [flaky] });
    expect(await statuses(app, 3)).toEqual([429, 429, 200]);
    await app.request('/_mock/reset', { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(await statuses(app, 3)).toEqual([429, 429, 200]);
  });

  it('fails twice again once a reload changes the fixture', async () => {
    const set = createFixtureSet(loadFixtures([flaky]));
    const app = mockApp({ ...quiet, fixtureSet: set });
    expect(await statuses(app, 3)).toEqual([429, 429, 200]);
    set.replace(loadFixtures([{ ...flaky, reply: { content: 'edited' } }]));
    expect(await statuses(app, 3)).toEqual([429, 429, 200]);
  });

  it('keeps counting across a reload that leaves the fixture as it was', async () => {
    const set = createFixtureSet(loadFixtures([flaky]));
    const app = mockApp({ ...quiet, fixtureSet: set });
    expect(await statuses(app, 2)).toEqual([429, 429]);
    set.replace(loadFixtures([{ name: 'other', match: { user: 'nothing like this' }, reply: {} }, flaky]));
    expect(await statuses(app, 1)).toEqual([200]);
  });
});
