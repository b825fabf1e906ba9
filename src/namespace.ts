import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Namespace } from './deps.ts';
import type { Fixture } from './fixtures/fixture-schema.ts';
import { createFixtureSet, type FixtureSet } from './fixtures/fixture-set.ts';
import { createMemoryUsageStore } from './limits/memory-usage-store.ts';
import { createRateLimiter } from './limits/rate-limiter.ts';
import type { UserDirectory } from './limits/user-directory.ts';
import type { RunState } from './state/run-state.ts';
import { createPrefixCache } from './tokens/prefix-cache.ts';

/** What every namespace shares: the config, the app clock, the users and the file fixtures. */
export interface NamespaceParts {
  config: Config;
  clock: Clock;
  users: UserDirectory;
  files: FixtureSet;
}

/**
 * A namespace over `state`: its own runtime fixtures (matched before the shared file fixtures, so a
 * test can override one), its own rate limiter and prefix cache, all reset with the state.
 */
export function createNamespace(name: string, state: RunState, parts: NamespaceParts): Namespace {
  const runtime = createFixtureSet([]);
  runtime.subscribe((change) => {
    if (change.kind === 'replaced') state.forgetFixtures(change.changed);
  });
  // One array per (files, runtime) pair, so the matching order computed for it is cached.
  let joined: { files: readonly Fixture[]; extra: readonly Fixture[]; all: readonly Fixture[] } | undefined;
  const current = (): readonly Fixture[] => {
    const files = parts.files.current();
    const extra = runtime.current();
    if (extra.length === 0) return files;
    if (joined?.files !== files || joined.extra !== extra) joined = { files, extra, all: Object.freeze([...extra, ...files]) };
    return joined.all;
  };
  return {
    name,
    state,
    runtime,
    fixtures: { current },
    limiter: createRateLimiter(parts.config, parts.clock, parts.users, createMemoryUsageStore(state, parts.clock)),
    prefixCache: createPrefixCache(parts.clock, state.prefixPrompts, { enabled: parts.config.prefixCache }),
    reset() {
      if (runtime.current().length > 0) runtime.replace([]);
      state.reset();
    },
  };
}
