import { describe, expect, it } from 'vitest';
import { createAdjustableClock, createManualClock } from '../../src/clock.ts';
import { createMemoryUsageStore } from '../../src/limits/memory-usage-store.ts';
import { createRunState } from '../../src/state/run-state.ts';
import { createPrefixCache } from '../../src/tokens/prefix-cache.ts';

/** A state that has seen some of everything: two fixtures used, a config fault counted, draws, ids, usage, a clock offset. */
async function usedState() {
  const state = createRunState(7);
  const clock = createAdjustableClock(createManualClock(0), state);
  const fresh = { random: state.faultRandom.next(), ids: state.ids.next() };
  const wall = { now: () => 0, sleep: async () => {} };
  const offsetClock = createAdjustableClock(wall, state);
  state.useOf('a').matched = 3;
  state.useOf('a').served = 2;
  state.useOf('b').served = 1;
  state.configFaultCalls[0] = 4;
  state.faultRandom.next();
  state.ids.next();
  const store = createMemoryUsageStore(state, clock);
  await store.tryAdmit('0', 100, true, () => undefined);
  offsetClock.advance(5000);
  const prefixCache = createPrefixCache(clock, state.prefixPrompts);
  prefixCache.serve('user', [[], { role: 'user', content: 'Hi' }], [0, 5]);
  state.recordings.set('rec-1', [{ kind: 'reply', reply: {} }]);
  return { state, fresh, offsetClock, store, prefixCache };
}

describe('RunState.reset', () => {
  it('forgets every fixture use', async () => {
    const { state } = await usedState();
    state.reset();
    expect([...state.fixtureUses]).toEqual([]);
    expect(state.served.get('a')).toBeUndefined();
  });

  it('forgets the config faults\' counters', async () => {
    const { state } = await usedState();
    state.reset();
    expect(state.configFaultCalls).toEqual([]);
  });

  it('restarts the faults\' random stream from the seed', async () => {
    const { state, fresh } = await usedState();
    state.reset();
    expect(state.faultRandom.next()).toBe(fresh.random);
  });

  it('restarts the id sequence from the seed', async () => {
    const { state, fresh } = await usedState();
    state.reset();
    expect(state.ids.next()).toEqual(fresh.ids);
  });

  it('empties the rate-limit usage', async () => {
    const { state, store } = await usedState();
    state.reset();
    const usage = await store.read('0', true);
    expect([usage.inFlight, usage.requestsLastMinute, usage.tokensLastMinute, usage.tokensLastDay]).toEqual([0, 0, 0, 0]);
  });

  it('forgets every cached prompt', async () => {
    const { state, prefixCache } = await usedState();
    state.reset();
    expect(prefixCache.size).toBe(0);
    expect(prefixCache.serve('user', [[], { role: 'user', content: 'Hi' }], [0, 5])).toBe(0);
  });

  it('forgets what record mode got back', async () => {
    const { state } = await usedState();
    state.reset();
    expect([...state.recordings]).toEqual([]);
  });

  it('takes the clock offset back to 0', async () => {
    const { state, offsetClock } = await usedState();
    state.reset();
    expect([state.clockOffsetMs, offsetClock.now()]).toEqual([0, 0]);
  });

  it('moves the epoch on, so a slot admitted before it is not given back after it', async () => {
    const { state, store } = await usedState();
    const admitted = await store.tryAdmit('1', 1, false, () => undefined);
    state.reset();
    await store.tryAdmit('1', 1, false, () => undefined);
    if (admitted.ok) admitted.release();
    expect((await store.read('1', false)).inFlight).toBe(1);
  });
});

describe('RunState.forgetFixtures', () => {
  it('forgets only the named fixtures', async () => {
    const { state } = await usedState();
    state.forgetFixtures(['a']);
    expect([...state.fixtureUses.keys()]).toEqual(['b']);
  });
});
