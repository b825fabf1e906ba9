import type { Clock } from '../clock.ts';
import { createRunState } from '../state/run-state.ts';
import { decideAdmission } from './decide-admission.ts';
import type { LimitsConfig } from './limits-config.ts';
import type { LimitsSnapshot } from './limits-snapshot.ts';
import { createMemoryUsageStore } from './memory-usage-store.ts';
import type { Admission, UsageStore } from './usage-store.ts';
import { createUserDirectory, type DirectoryUser, type UserDirectory } from './user-directory.ts';

export type { Admission } from './usage-store.ts';

/** Moonshot's per-user rate limiter (B4/B7): concurrency, RPM, TPM and TPD, whichever is hit first. */
export interface RateLimiter {
  /** `false` when no user has any limit: `admit` then always succeeds and tracks nothing. */
  readonly enabled: boolean;
  /**
   * Admits one request of `key` charged `tokens` (see `admissionCharge`), whatever it later
   * generates, by `decideAdmission` over the usage store. A refused request charges nothing, takes
   * no slot and does not count toward RPM; an admitted one counts toward RPM, is charged to TPM and
   * TPD and holds a concurrency slot until `release()`, which is idempotent. In closed mode a key not
   * in `users` is refused with `invalid_api_key`. Throws a RangeError when `tokens` is not a
   * non-negative integer.
   */
  admit(key: string, tokens: number): Promise<Admission>;
  /** Every user's limits and usage, for GET /_mock/limits. */
  snapshot(): Promise<LimitsSnapshot>;
}

const noop = (): void => {};

/**
 * A rate limiter over `store` (by default an in-memory store of its own over `clock`). `directory`
 * defaults to one built from `config`; pass the app's own so that authentication and limits agree.
 */
export function createRateLimiter(
  config: LimitsConfig,
  clock: Clock,
  directory: UserDirectory = createUserDirectory(config),
  store: UsageStore = createMemoryUsageStore(createRunState(0), clock),
): RateLimiter {
  const enabled = directory.users.some(({ limits }) => Object.values(limits).some((value) => value !== null));
  // Users are keyed by their place in the config: organisations need not be unique.
  const keys = new Map(directory.users.map((user, index) => [user, String(index)]));
  const userKey = (user: DirectoryUser) => keys.get(user)!;
  return {
    enabled,
    async admit(key, tokens) {
      if (!Number.isInteger(tokens) || tokens < 0) throw new RangeError(`tokens must be a non-negative integer, got ${tokens}`);
      if (!enabled) return { ok: true, release: noop };
      const owner = directory.findUserByKey(key);
      if (!owner) return { ok: false, error: { kind: 'invalid_api_key' } };
      const keepDay = owner.user.limits.tpd !== null;
      return store.tryAdmit(userKey(owner.user), tokens, keepDay, (usage) => decideAdmission(owner, usage, tokens));
    },
    async snapshot() {
      return Promise.all(directory.users.map(async (user) => {
        const usage = await store.read(userKey(user), user.limits.tpd !== null);
        return {
          organization: user.organization,
          tier: user.tier,
          limits: { ...user.limits },
          usage: {
            inFlight: usage.inFlight,
            requestsLastMinute: usage.requestsLastMinute,
            tokensLastMinute: usage.tokensLastMinute,
            tokensLastDay: usage.tokensLastDay,
          },
        };
      }));
    },
  };
}
