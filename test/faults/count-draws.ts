import { createRandom, type Random } from '../../src/random.ts';

/** A seeded Random that counts the numbers drawn from it (`next`, `int` and `hex` calls alike). */
export function countDraws(seed: number | string = 1): { random: Random; draws: () => number } {
  const inner = createRandom(seed);
  let count = 0;
  const random: Random = {
    next: () => (count++, inner.next()),
    int: (maxExclusive) => (count++, inner.int(maxExclusive)),
    hex: (digits) => (count++, inner.hex(digits)),
  };
  return { random, draws: () => count };
}
