import type { Random } from '../random.ts';
import type { FaultWhen } from './fault-schema.ts';

/**
 * Whether a fault's `when` lets it fire on this 1-based `call`. Absent `when` always holds. Pure, except
 * that `probability` draws exactly one number from `random` on every evaluation (even for 0 and 1), so
 * the same seed and the same request order replay the same outcomes; the other kinds draw nothing.
 * `every: K` holds on calls K, 2K, …; `first: N` on calls 1..N.
 */
export function isInWindow(when: FaultWhen | undefined, call: number, random: Random): boolean {
  if (when === undefined) return true;
  if (when.calls !== undefined) return when.calls.includes(call);
  if (when.first !== undefined) return call <= when.first;
  if (when.every !== undefined) return call % when.every === 0;
  if (when.probability !== undefined) return random.next() < when.probability;
  return true;
}
