import { createRandom } from '../random.ts';
import type { BatchObject } from './batch-object.ts';

/** A batch and what only the emulator knows about it. */
export interface BatchRecord {
  batch: BatchObject;
  organization: string;
  /** Stops the batch's runner (cancel, reset). */
  abort: AbortController;
  /** Settles when the runner has finished (tests and reset wait on it). */
  done: Promise<void>;
}

/** Every user's batches, newest last; ids deterministic under the seed. */
export interface BatchStore {
  newId(): string;
  add(record: BatchRecord): void;
  get(organization: string, id: string): BatchRecord | undefined;
  /** The user's batches, newest first. */
  list(organization: string): BatchRecord[];
  /** Stops every runner and forgets every batch. */
  reset(): void;
}

/** Creates an empty store. */
export function createBatchStore(seed: number): BatchStore {
  const batches = new Map<string, BatchRecord>();
  const random = createRandom(`batches|${seed}`);
  return {
    newId: () => `batch_${random.hex(24)}`,
    add: (record) => void batches.set(record.batch.id, record),
    get(organization, id) {
      const record = batches.get(id);
      return record?.organization === organization ? record : undefined;
    },
    list: (organization) => [...batches.values()].filter((r) => r.organization === organization).reverse(),
    reset() {
      for (const record of batches.values()) record.abort.abort();
      batches.clear();
    },
  };
}
