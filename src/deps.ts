import type { Catalog } from './catalog/catalog.ts';
import type { AdjustableClock } from './clock.ts';
import type { Config } from './config.ts';
import type { FixtureSet } from './fixtures/fixture-set.ts';
import type { RateLimiter } from './limits/rate-limiter.ts';
import type { UserDirectory } from './limits/user-directory.ts';
import type { RequestIds } from './state/id-source.ts';
import type { RunState } from './state/run-state.ts';
import type { PrefixCache } from './tokens/prefix-cache.ts';
import type { TokenCounter } from './tokens/token-counter.ts';

/** Everything a route needs, created once per app by `createApp`. Types only. */
export interface AppDeps {
  config: Config;
  catalog: Catalog;
  counter: TokenCounter;
  clock: AdjustableClock;
  /** What the app has accumulated (uses, counters, ids, usage, clock offset); `reset()` starts over. */
  state: RunState;
  /** The fixture definitions in force. */
  fixtures: FixtureSet;
  /** Keys → users (organisations), when `users` is configured. */
  users: UserDirectory;
  limiter: RateLimiter;
  /** Automatic prefix caching over the prompts in `state`: `usage.cached_tokens`. */
  prefixCache: PrefixCache;
  /** Where fault, limit and failure notices go (stderr by default). */
  log: (line: string) => void;
}

/** Hono's typing of per-request values. */
export type AppEnv = {
  Variables: {
    ids: RequestIds;
    apiKey: string;
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
