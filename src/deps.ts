import type { Catalog } from './catalog/catalog.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { FixtureSet } from './fixtures/fixture-set.ts';
import type { IdSource, RequestIds } from './state/id-source.ts';
import type { TokenCounter } from './tokens/token-counter.ts';

/** Everything a route needs, created once per app. */
export interface AppDeps {
  config: Config;
  catalog: Catalog;
  counter: TokenCounter;
  clock: Clock;
  ids: IdSource;
  /** The fixtures in force and their call counters. */
  fixtures: FixtureSet;
}

/** Hono's typing of per-request values. */
export type AppEnv = { Variables: { ids: RequestIds } };

/** `created` in Unix seconds: the frozen time if configured, otherwise the app clock. */
export function createdAt(deps: AppDeps): number {
  const fixed = deps.config.fixedTime;
  if (fixed === undefined) return Math.floor(deps.clock.now() / 1000);
  return typeof fixed === 'number' ? fixed : Math.floor(Date.parse(fixed) / 1000);
}
