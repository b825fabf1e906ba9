import { describe, expect, it } from 'vitest';
import type { FaultWhen } from '../../src/faults/fault-schema.ts';
import { isInWindow } from '../../src/faults/fault-window.ts';
import { countDraws } from './count-draws.ts';

/** The calls among 1..count that the window lets through. */
const firing = (when: FaultWhen | undefined, count: number, seed: number | string = 1) => {
  const { random } = countDraws(seed);
  return Array.from({ length: count }, (_, i) => i + 1).filter((call) => isInWindow(when, call, random));
};

describe('isInWindow', () => {
  it('holds on every call without a when', () => {
    expect(firing(undefined, 4)).toEqual([1, 2, 3, 4]);
  });

  it('holds on the listed calls only', () => {
    expect(firing({ calls: [2, 5] }, 6)).toEqual([2, 5]);
  });

  it('holds on the first N calls', () => {
    expect(firing({ first: 2 }, 5)).toEqual([1, 2]);
  });

  it('holds on every K-th call, starting at K', () => {
    expect(firing({ every: 3 }, 10)).toEqual([3, 6, 9]);
  });

  it('replays the same probability outcomes for the same seed', () => {
    expect(firing({ probability: 0.5 }, 64, 'a')).toEqual(firing({ probability: 0.5 }, 64, 'a'));
  });

  it('gives different probability outcomes for another seed', () => {
    expect(firing({ probability: 0.5 }, 64, 'a')).not.toEqual(firing({ probability: 0.5 }, 64, 'b'));
  });

  it('fires roughly at the given probability', () => {
    const count = firing({ probability: 0.25 }, 4000, 7).length;
    expect(count).toBeGreaterThan(850);
    expect(count).toBeLessThan(1150);
  });

  it('never fires at probability 0 and always at probability 1', () => {
    expect(firing({ probability: 0 }, 50)).toEqual([]);
    expect(firing({ probability: 1 }, 50)).toHaveLength(50);
  });

  it('draws exactly one number per probability evaluation', () => {
    const { random, draws } = countDraws();
    for (const probability of [0, 0.3, 1]) isInWindow({ probability }, 1, random);
    expect(draws()).toBe(3);
  });

  it('draws nothing for the other window kinds', () => {
    const { random, draws } = countDraws();
    for (const when of [undefined, { calls: [1] }, { first: 1 }, { every: 2 }]) isInWindow(when, 1, random);
    expect(draws()).toBe(0);
  });
});
