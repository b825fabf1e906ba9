import type { Random } from '../../src/random.ts';

/** What `mutate` puts in: odd values, and the field names it adds. */
export interface Mutations {
  oddValues: readonly unknown[];
  keys: readonly string[];
}

/** A copy of `value` with one seeded mutation: a field replaced by an odd value, removed, or added. */
export function mutate(value: unknown, random: Random, mutations: Mutations, depth = 0): unknown {
  const { oddValues, keys: added } = mutations;
  if (Array.isArray(value)) {
    if (value.length === 0 || random.int(4) === 0) return oddValues[random.int(oddValues.length)];
    const copy = [...value];
    const i = random.int(copy.length);
    copy[i] = mutate(copy[i], random, mutations, depth + 1);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...value };
    const keys = Object.keys(copy);
    const roll = random.int(6);
    if (roll === 0 || keys.length === 0) copy[added[random.int(added.length)]!] = oddValues[random.int(oddValues.length)];
    else if (roll === 1) delete copy[keys[random.int(keys.length)]!];
    else {
      const key = keys[random.int(keys.length)]!;
      copy[key] = depth > 4 || random.int(3) === 0 ? oddValues[random.int(oddValues.length)] : mutate(copy[key], random, mutations, depth + 1);
    }
    return copy;
  }
  return oddValues[random.int(oddValues.length)];
}
