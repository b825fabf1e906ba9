import type { BatchStore } from './batches/batch-store.ts';
import type { BalanceBook } from './billing/balance-book.ts';
import type { Catalog } from './catalog/catalog.ts';
import type { AdjustableClock } from './clock.ts';
import type { Config } from './config.ts';
import type { FileStore } from './files/file-store.ts';
import type { FixtureSet } from './fixtures/fixture-set.ts';
import type { FixtureSource } from './fixtures/pick-fixture.ts';
import type { RateLimiter } from './limits/rate-limiter.ts';
import type { UserDirectory } from './limits/user-directory.ts';
import type { RequestIds } from './state/id-source.ts';
import type { JournalNote } from './state/journal-entry.ts';
import type { Namespaces } from './state/namespaces.ts';
import type { RunState } from './state/run-state.ts';
import type { PrefixCache } from './tokens/prefix-cache.ts';
import type { TokenCounter } from './tokens/token-counter.ts';

/**
 * One namespace (`x-mock-namespace`): its run state (uses, sequences, fault counters, scenario
 * states, journal, rate-limit usage), its runtime fixtures and its rate limiter. File fixtures are
 * shared by all namespaces.
 */
export interface Namespace {
  readonly name: string;
  readonly state: RunState;
  /** Fixtures added through `POST /_mock/fixtures`, seen by this namespace only. */
  readonly runtime: FixtureSet;
  /** What this namespace matches against: its runtime fixtures, then the shared file fixtures. */
  readonly fixtures: FixtureSource;
  /** Moonshot's rate limiter over this namespace's usage. */
  readonly limiter: RateLimiter;
  /** Automatic prefix caching over this namespace's cached prompts: `usage.cached_tokens`. */
  readonly prefixCache: PrefixCache;
  /** Removes the runtime fixtures and resets the state. */
  reset(): void;
}

/** Everything a route needs, created once per app by `createApp`. Types only. */
export interface AppDeps {
  config: Config;
  catalog: Catalog;
  counter: TokenCounter;
  clock: AdjustableClock;
  /** Every namespace's state; requests find theirs in the context (`namespace`). */
  namespaces: Namespaces<Namespace>;
  /** The fixture definitions loaded from files and options, shared by every namespace. */
  fixtures: FixtureSet;
  /** Keys → users (organisations), when `users` is configured. */
  users: UserDirectory;
  /** Each user's cash and voucher balance (reset with `state`). */
  balances: BalanceBook;
  /** Every user's uploaded files (reset with `state`). */
  files: FileStore;
  /** Every user's batches and their runners (reset with `state`). */
  batches: BatchStore;
  /** Where fault, limit and failure notices go (stderr by default). */
  log: (line: string) => void;
}

/** Hono's typing of per-request values. */
export type AppEnv = {
  Variables: {
    ids: RequestIds;
    apiKey: string;
    /** The request's namespace (`x-mock-namespace`, else the default). */
    namespace: Namespace;
    /** What the route learned about the request, for its journal entry. */
    journalNote: JournalNote;
    /** The body as read (text, and the parsed JSON when it parsed), for the journal. */
    body: { text: string; value?: unknown };
    /** In-process only: the Request as it arrived, before any middleware replaced it (see requestSignal). */
    clientRequest: Request | undefined;
    /** Chat completions: what served the request, for the `logRequests` line (each part once known). */
    served: ServedNote | undefined;
  };
};

/** What a chat route tells the request log. */
export interface ServedNote {
  model?: string;
  /** The fixture's name, `generated`, or `unmatched`. */
  reply?: string;
  /** The kind of the injected fault. */
  fault?: string;
}
