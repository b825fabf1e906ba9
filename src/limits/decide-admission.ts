import type { ErrorKind } from '../errors/error-kind.ts';
import type { KeyOwner } from './user-directory.ts';
import type { UsageFigures } from './usage-store.ts';

/**
 * Whether a request of `owner` charged `tokens` may start now (undefined) or the 429 it gets. Checks,
 * in Moonshot's order, concurrency, RPM, TPM, TPD; the first one hit refuses:
 * - concurrency: "try again after 1 seconds";
 * - RPM: after the seconds until the oldest request in the minute leaves it, rounded up, at least 1;
 * - TPM/TPD: `current` is the tokens already charged in the window plus this request's charge.
 * Pure: reads only its arguments.
 */
export function decideAdmission(owner: KeyOwner, usage: UsageFigures, tokens: number): ErrorKind | undefined {
  const { concurrency, rpm, tpm, tpd } = owner.user.limits;
  const refuse = (limit: 'concurrency' | 'rpm' | 'tpm' | 'tpd', max: number, figure: { retryAfterSeconds: number } | { current: number }): ErrorKind => ({
    kind: 'rate_limited', limit, organization: owner.user.organization, keyId: owner.keyId, max, ...figure,
  });
  if (concurrency !== null && usage.inFlight >= concurrency) return refuse('concurrency', concurrency, { retryAfterSeconds: 1 });
  if (rpm !== null && usage.requestsLastMinute + 1 > rpm) {
    const seconds = Math.ceil(usage.msUntilRequestRoom(rpm) / 1000);
    return refuse('rpm', rpm, { retryAfterSeconds: Math.max(1, seconds) });
  }
  if (tpm !== null && usage.tokensLastMinute + tokens > tpm) return refuse('tpm', tpm, { current: usage.tokensLastMinute + tokens });
  if (tpd !== null && usage.tokensLastDay !== null && usage.tokensLastDay + tokens > tpd) {
    return refuse('tpd', tpd, { current: usage.tokensLastDay + tokens });
  }
  return undefined;
}
