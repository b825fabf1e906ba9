import type { JournalEntry } from './journal-entry.ts';

/** A bounded, in-order record of requests: past `limit` entries the oldest is dropped. */
export interface Journal {
  /**
   * Stores `entry` under the next `seq` (written into it) and returns it (it may still be updated).
   * An entry that comes with a `seq` field keeps its place in the object's key order.
   */
  record(entry: Omit<JournalEntry, 'seq'> & { seq?: number }): JournalEntry;
  /** The entries held, oldest first. */
  entries(): JournalEntry[];
  /** How many entries were dropped to stay within the limit since the last `clear`. */
  readonly dropped: number;
  /** Forgets every entry; `seq` starts again at 1. */
  clear(): void;
}

/** Creates an empty journal holding at most `limit` entries (a ring: memory stays bounded under any load). */
export function createJournal(limit: number): Journal {
  let ring: Array<JournalEntry | undefined> = [];
  let next = 0;
  let seq = 0;
  let dropped = 0;
  return {
    record(entry) {
      const stored = entry as JournalEntry;
      stored.seq = ++seq;
      if (ring.length < limit) ring.push(stored);
      else {
        ring[next] = stored;
        dropped++;
      }
      next = (next + 1) % limit;
      return stored;
    },
    entries() {
      if (ring.length < limit) return ring.slice() as JournalEntry[];
      return [...ring.slice(next), ...ring.slice(0, next)] as JournalEntry[];
    },
    get dropped() {
      return dropped;
    },
    clear() {
      ring = [];
      next = 0;
      seq = 0;
      dropped = 0;
    },
  };
}
