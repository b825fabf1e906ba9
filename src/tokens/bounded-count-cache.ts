import { Buffer } from 'node:buffer';

/** Estimated bytes per entry beyond its key's characters (hash-table slot, string header, boxed number). */
const ENTRY_OVERHEAD_BYTES = 64;
/**
 * V8 represents substrings of at least 13 chars as slices that keep their whole parent string alive; keys
 * this long are copied so a cached regex match cannot pin a megabyte-sized request text.
 */
const SLICE_MIN_LENGTH = 13;

/**
 * A string → count cache bounded by an approximate byte budget, with two generations (a cheap
 * approximation of LRU): new entries go to the young map; when it reaches half the budget it becomes the
 * old map and the previous old map is dropped; a hit in the old map is copied back to the young one.
 * A budget of 0 disables caching. It only ever returns a value previously stored under the same key.
 */
export class BoundedCountCache {
  private young = new Map<string, number>();
  private old = new Map<string, number>();
  private youngBytes = 0;
  private readonly generationBytes: number;

  /** `maxBytes`: approximate memory budget for both generations together (non-negative). */
  constructor(readonly maxBytes: number) {
    this.generationBytes = Math.max(0, maxBytes) / 2;
  }

  /** The cached count for `key`, or undefined. */
  get(key: string): number | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  /** Stores a count; entries bigger than half the budget are silently not cached. */
  set(key: string, value: number): void {
    const cost = key.length * 2 + ENTRY_OVERHEAD_BYTES;
    if (cost > this.generationBytes || this.young.has(key)) return;
    this.young.set(key.length < SLICE_MIN_LENGTH ? key : Buffer.from(key, 'utf16le').toString('utf16le'), value);
    this.youngBytes += cost;
    if (this.youngBytes >= this.generationBytes) {
      this.old = this.young;
      this.young = new Map();
      this.youngBytes = 0;
    }
  }

  /** Number of entries currently held (both generations; an entry may be counted twice). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
