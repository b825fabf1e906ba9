import type { Clock } from '../clock.ts';

/**
 * Amounts recorded over a sliding window of the clock's time: an amount added at `t` counts while
 * `now < t + windowMs` and leaves exactly at `t + windowMs`. Backed by a deque of (time, amount)
 * pruned lazily from the front, so every operation is O(1) amortised (`msUntilRoom` walks only the
 * entries that must leave). Memory is one entry per distinct millisecond still in the window.
 */
export interface SlidingWindow {
  /** Sum of the amounts still in the window. */
  total(): number;
  /**
   * Records `amount` now; amounts added in the same millisecond share one entry. If the clock has
   * stepped back, the amount is recorded at the latest time already held, so the deque stays ordered.
   * A zero amount records nothing.
   */
  add(amount: number): void;
  /**
   * Milliseconds until `total() + amount <= limit`: 0 when it already holds, `Infinity` when `amount`
   * alone is over `limit` (it never will).
   */
  msUntilRoom(amount: number, limit: number): number;
  /** Forgets every amount. */
  clear(): void;
}

/** A sliding window of `windowMs` (a positive number of milliseconds) over `clock`. */
export function createSlidingWindow(windowMs: number, clock: Clock): SlidingWindow {
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  let times: number[] = [];
  let amounts: number[] = [];
  let head = 0;
  let sum = 0;

  const prune = (now: number): void => {
    while (head < times.length && times[head]! + windowMs <= now) {
      sum -= amounts[head]!;
      head++;
    }
    if (head === times.length) {
      times.length = 0;
      amounts.length = 0;
      head = 0;
      sum = 0; // no float residue once empty
    } else if (head >= 1024 && head * 2 >= times.length) {
      times = times.slice(head);
      amounts = amounts.slice(head);
      head = 0;
    }
  };

  return {
    total() {
      prune(clock.now());
      return sum;
    },
    add(amount) {
      const now = clock.now();
      prune(now);
      if (amount === 0) return;
      const last = times.length - 1;
      const newest = last >= head ? times[last]! : -Infinity;
      if (newest >= now) amounts[last] = amounts[last]! + amount;
      else {
        times.push(now);
        amounts.push(amount);
      }
      sum += amount;
    },
    msUntilRoom(amount, limit) {
      const now = clock.now();
      prune(now);
      const excess = sum + amount - limit;
      if (excess <= 0) return 0;
      if (amount > limit) return Infinity;
      let freed = 0;
      for (let i = head; i < times.length; i++) {
        freed += amounts[i]!;
        if (freed >= excess) return times[i]! + windowMs - now;
      }
      return Infinity; // unreachable: amount <= limit means the whole window leaving is enough
    },
    clear() {
      times.length = 0;
      amounts.length = 0;
      head = 0;
      sum = 0;
    },
  };
}
