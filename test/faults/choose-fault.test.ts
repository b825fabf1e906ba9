import { describe, expect, it } from 'vitest';
import { chooseFault } from '../../src/faults/choose-fault.ts';
import type { Fault } from '../../src/faults/fault-schema.ts';
import type { Random } from '../../src/random.ts';
import { countDraws } from './count-draws.ts';

const overloaded: Fault = { kind: 'http', status: 429 };
const stall: Fault = { kind: 'stall', after_chunks: 1 };
const timeout: Fault = { kind: 'timeout' };
const truncate: Fault = { kind: 'truncate', after_chunks: 2 };
const never: Fault = { kind: 'disconnect', when: { calls: [99] } };
const coin: Fault = { kind: 'malformed_chunk', after_chunks: 0, when: { probability: 0.5 } };

/** A config entry whose match held, at its `call`-th applying request. */
const applying = (fault: Fault, call = 1) => ({ fault, call, applies: true });

type Input = Parameters<typeof chooseFault>[0];
/** chooseFault with no header, no fixture, no config faults and a fresh seeded random unless given. */
const choose = (input: Partial<Input>, random: Random = countDraws().random) =>
  chooseFault({ header: undefined, fixture: undefined, config: [], random, ...input });

describe('chooseFault', () => {
  it('chooses nothing when no level has a fault', () => {
    expect(choose({})).toBeUndefined();
  });

  it('lets the header beat the fixture and the config', () => {
    const chosen = choose({ header: timeout, fixture: { fault: stall, call: 1 }, config: [applying(overloaded)] });
    expect(chosen).toEqual({ fault: timeout, source: 'header' });
  });

  it('fires the header regardless of its when', () => {
    expect(choose({ header: never })).toEqual({ fault: never, source: 'header' });
  });

  it('lets the fixture beat the config when its window holds', () => {
    const chosen = choose({ fixture: { fault: stall, call: 1 }, config: [applying(overloaded)] });
    expect(chosen).toEqual({ fault: stall, source: 'fixture' });
  });

  it('checks the fixture window against the fixture call count', () => {
    const thirds: Fault = { kind: 'timeout', when: { every: 3 } };
    expect(choose({ fixture: { fault: thirds, call: 2 } })).toBeUndefined();
    expect(choose({ fixture: { fault: thirds, call: 3 } })).toEqual({ fault: thirds, source: 'fixture' });
  });

  it('lets the config fire when the fixture is outside its window', () => {
    const fixture = { fault: { ...stall, when: { first: 1 } }, call: 2 };
    expect(choose({ fixture, config: [applying(overloaded)] })).toEqual({ fault: overloaded, source: 'config' });
  });

  it('chooses the first config fault that applies and is in its window', () => {
    const chosen = choose({ config: [applying(never), applying(truncate), applying(overloaded)] });
    expect(chosen).toEqual({ fault: truncate, source: 'config' });
  });

  it('skips a config fault whose match does not apply', () => {
    const chosen = choose({ config: [{ fault: truncate, call: 1, applies: false }, applying(overloaded)] });
    expect(chosen).toEqual({ fault: overloaded, source: 'config' });
  });

  it('checks each config fault window against its own call count', () => {
    const odd: Fault = { kind: 'timeout', when: { every: 2 } };
    const even: Fault = { kind: 'stall', after_chunks: 0, when: { every: 2 } };
    expect(choose({ config: [applying(odd, 3), applying(even, 4)] })?.fault).toBe(even);
  });

  it('draws nothing when the header fires', () => {
    const { random, draws } = countDraws();
    choose({ header: timeout, fixture: { fault: coin, call: 1 }, config: [applying(coin)] }, random);
    expect(draws()).toBe(0);
  });

  it('draws nothing for the config when the fixture fires', () => {
    const { random, draws } = countDraws();
    choose({ fixture: { fault: stall, call: 1 }, config: [applying(coin)] }, random);
    expect(draws()).toBe(0);
  });

  it('draws nothing for config faults that do not apply', () => {
    const { random, draws } = countDraws();
    choose({ config: [{ fault: coin, call: 1, applies: false }] }, random);
    expect(draws()).toBe(0);
  });

  it('stops drawing at the first config fault that fires', () => {
    const { random, draws } = countDraws();
    choose({ config: [applying(truncate), applying(coin)] }, random);
    expect(draws()).toBe(0);
  });

  it('draws once per probability window reached', () => {
    const { random, draws } = countDraws();
    const missed = { fault: { ...coin, when: { probability: 0 } }, call: 1 };
    choose({ fixture: missed, config: [applying({ kind: 'timeout', when: { probability: 1 } })] }, random);
    expect(draws()).toBe(2);
  });
});

describe('chooseFault replay', () => {
  /** The sources chosen for 40 requests in order, all with a coin-flip fixture and config fault. */
  const sources = (seed: string) => {
    const { random } = countDraws(seed);
    return Array.from({ length: 40 }, (_, i) => {
      const call = i + 1;
      return choose({ fixture: { fault: coin, call }, config: [applying(coin, call)] }, random)?.source;
    });
  };

  it('replays the same choices for the same seed and request order', () => {
    expect(sources('s')).toEqual(sources('s'));
  });

  it('makes other choices for another seed', () => {
    expect(sources('s')).not.toEqual(sources('t'));
  });
});
