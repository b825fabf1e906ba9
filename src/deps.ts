import type { BatchStore } from './batches/batch-store.ts';
import type { BalanceBook } from './billing/balance-book.ts';
import type { Catalog } from './catalog/catalog.ts';
import type { AdjustableClock } from './clock.ts';
import type { Config } from './config.ts';
import type { FixtureSet } from './fixtures/fixture-set.ts';
import type { FileStore } from './files/file-store.ts';
import type { FaultState } from './faults/fault-state.ts';
import type { RateLimiter } from './limits/rate-limiter.ts';
import type { UserDirectory } from './limits/user-directory.ts';
import type { IdSource, RequestIds } from './state/id-source.ts';
import type { TokenCounter } from './tokens/token-counter.ts';

/** Everything a route needs, created once per app. */
export interface AppDeps {
  config: Config;
  catalog: Catalog;
  counter: TokenCounter;
  clock: AdjustableClock;
  ids: IdSource;
  /** The fixtures in force and their call counters. */
  fixtures: FixtureSet;
  /** Keys → users (organisations), when `users` is configured. */
  users: UserDirectory;
  limiter: RateLimiter;
  /** Seeded chance and call counts of injected faults. */
  faults: FaultState;
  /** Each user's cash and voucher balance. */
  balances: BalanceBook;
  /** Every user's uploaded files. */
  files: FileStore;
  /** Every user's batches and their runners. */
  batches: BatchStore;
  /** Where fault and limit notices go (stderr by default). */
  log: (line: string) => void;
}

/** Hono's typing of per-request values. */
export type AppEnv = {
  Variables: {
    ids: RequestIds;
    apiKey: string;
    /** In-process only: the Request as it arrived, before any middleware replaced it (see requestSignal). */
    clientRequest: Request | undefined;
  };
};

/** `created` in Unix seconds: the frozen time if configured, otherwise the app clock. */
export function createdAt(deps: AppDeps): number {
  const fixed = deps.config.fixedTime;
  if (fixed === undefined) return Math.floor(deps.clock.now() / 1000);
  return typeof fixed === 'number' ? fixed : Math.floor(Date.parse(fixed) / 1000);
}
