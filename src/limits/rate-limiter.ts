import type { Clock } from '../clock.ts';
import type { ErrorKind } from '../errors/error-kind.ts';
import type { LimitsConfig } from './limits-config.ts';
import type { LimitsSnapshot } from './limits-snapshot.ts';
import { createSlidingWindow, type SlidingWindow } from './sliding-window.ts';
import { createUserDirectory, type DirectoryUser, type KeyOwner, type UserDirectory } from './user-directory.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The answer of `admit`: a slot to release when the response ends, or the error to answer with. */
export type Admission = { ok: true; release: () => void } | { ok: false; error: ErrorKind };

/** Moonshot's per-user rate limiter (B4/B7): concurrency, RPM, TPM and TPD, whichever is hit first. */
export interface RateLimiter {
  /** `false` when no user has any limit: `admit` then always succeeds and tracks nothing. */
  readonly enabled: boolean;
  /**
   * Admits one request of `key` charged `tokens` (prompt tokens + max_tokens, or the model's default
   * max_tokens when none is sent; see `admissionCharge`), whatever it later generates.
   * Checks, in this order: concurrency, RPM, TPM, TPD; the first one hit refuses with `rate_limited`:
   * - concurrency: "try again after 1 seconds";
   * - RPM: after the seconds until the oldest request in the minute leaves it, rounded up, at least 1;
   * - TPM/TPD: `current` is the tokens already charged in the window plus this request's charge.
   * A refused request charges nothing, takes no slot and does not count toward RPM (only admitted
   * requests, retries included, do). An admitted one counts toward RPM, is charged to TPM and TPD
   * and holds a concurrency slot until `release()`, which is idempotent and a no-op after `reset()`.
   * In closed mode a key not in `users` is refused with `invalid_api_key` (authentication should
   * have answered first). Throws a RangeError when `tokens` is not a non-negative integer.
   */
  admit(key: string, tokens: number): Admission;
  /** Every user's limits and usage, for GET /_mock/limits. */
  snapshot(): LimitsSnapshot;
  /** Forgets all usage: windows empty, nothing in flight; releases of earlier admissions do nothing. */
  reset(): void;
}

interface Usage {
  inFlight: number;
  requests: SlidingWindow;
  minuteTokens: SlidingWindow;
  /** Kept only when TPD is limited. */
  dayTokens: SlidingWindow | undefined;
}

const noop = (): void => {};

/**
 * A rate limiter for one app, over `clock`. `directory` defaults to one built from `config`; pass the
 * app's own so that authentication and limits agree on who owns a key.
 */
export function createRateLimiter(
  config: LimitsConfig,
  clock: Clock,
  directory: UserDirectory = createUserDirectory(config),
): RateLimiter {
  const enabled = directory.users.some(({ limits }) => Object.values(limits).some((value) => value !== null));
  const usages = new Map<DirectoryUser, Usage>(
    directory.users.map((user) => [
      user,
      {
        inFlight: 0,
        requests: createSlidingWindow(MINUTE_MS, clock),
        minuteTokens: createSlidingWindow(MINUTE_MS, clock),
        dayTokens: user.limits.tpd === null ? undefined : createSlidingWindow(DAY_MS, clock),
      },
    ]),
  );
  let epoch = 0;

  const refuse = (
    owner: KeyOwner,
    limit: 'concurrency' | 'rpm' | 'tpm' | 'tpd',
    max: number,
    figure: { retryAfterSeconds: number } | { current: number },
  ): Admission => ({
    ok: false,
    error: { kind: 'rate_limited', limit, organization: owner.user.organization, keyId: owner.keyId, max, ...figure },
  });

  const check = (owner: KeyOwner, usage: Usage, tokens: number): Admission | undefined => {
    const { concurrency, rpm, tpm, tpd } = owner.user.limits;
    if (concurrency !== null && usage.inFlight >= concurrency) {
      return refuse(owner, 'concurrency', concurrency, { retryAfterSeconds: 1 });
    }
    if (rpm !== null && usage.requests.total() + 1 > rpm) {
      const seconds = Math.ceil(usage.requests.msUntilRoom(1, rpm) / 1000);
      return refuse(owner, 'rpm', rpm, { retryAfterSeconds: Math.max(1, seconds) });
    }
    if (tpm !== null && usage.minuteTokens.total() + tokens > tpm) {
      return refuse(owner, 'tpm', tpm, { current: usage.minuteTokens.total() + tokens });
    }
    if (tpd !== null && usage.dayTokens && usage.dayTokens.total() + tokens > tpd) {
      return refuse(owner, 'tpd', tpd, { current: usage.dayTokens.total() + tokens });
    }
    return undefined;
  };

  return {
    enabled,
    admit(key, tokens) {
      if (!Number.isInteger(tokens) || tokens < 0) throw new RangeError(`tokens must be a non-negative integer, got ${tokens}`);
      if (!enabled) return { ok: true, release: noop };
      const owner = directory.findUserByKey(key);
      const usage = owner && usages.get(owner.user);
      if (!owner || !usage) return { ok: false, error: { kind: 'invalid_api_key' } };
      const refusal = check(owner, usage, tokens);
      if (refusal) return refusal;
      usage.requests.add(1);
      usage.minuteTokens.add(tokens);
      usage.dayTokens?.add(tokens);
      usage.inFlight++;
      const admittedIn = epoch;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          if (admittedIn === epoch) usage.inFlight--;
        },
      };
    },
    snapshot() {
      return directory.users.map((user) => {
        const usage = usages.get(user)!;
        return {
          organization: user.organization,
          tier: user.tier,
          limits: { ...user.limits },
          usage: {
            inFlight: usage.inFlight,
            requestsLastMinute: usage.requests.total(),
            tokensLastMinute: usage.minuteTokens.total(),
            tokensLastDay: usage.dayTokens ? usage.dayTokens.total() : null,
          },
        };
      });
    },
    reset() {
      epoch++;
      for (const usage of usages.values()) {
        usage.inFlight = 0;
        usage.requests.clear();
        usage.minuteTokens.clear();
        usage.dayTokens?.clear();
      }
    },
  };
}
