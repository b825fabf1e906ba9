import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { describeError } from '../../src/errors/error-kind.ts';
import { deriveKeyId } from '../../src/limits/key-id.ts';
import { limitsConfigSchema, type LimitsConfigInput } from '../../src/limits/limits-config.ts';
import { createRateLimiter, type Admission } from '../../src/limits/rate-limiter.ts';

const T0 = 1_800_000_000_000;
const KEY = 'sk-test';
const WHO = `Your account org-moonshot-mock<${deriveKeyId(KEY)}> request reached organization`;

function setup(input: LimitsConfigInput) {
  const clock = createManualClock(T0);
  return { clock, limiter: createRateLimiter(limitsConfigSchema.parse(input), clock) };
}

/** The 429 message of a refusal (fails the test on an admission). */
function refusal(admission: Admission): string {
  if (admission.ok) throw new Error('expected a refusal');
  const { status, type, message } = describeError(admission.error);
  expect([status, type]).toEqual([429, 'rate_limit_reached_error']);
  return message;
}

/** Admits and releases at once, so only the windows see the request. */
function pass(limiter: ReturnType<typeof createRateLimiter>, tokens = 10, key = KEY): void {
  const admission = limiter.admit(key, tokens);
  if (!admission.ok) throw new Error(describeError(admission.error).message);
  admission.release();
}

describe('createRateLimiter: RPM', () => {
  it('refuses the 4th request of a minute on Tier0 with the exact RPM message', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) pass(limiter);
    expect(refusal(limiter.admit(KEY, 10))).toBe(`${WHO} max RPM: 3, please try again after 60 seconds`);
  });

  it('admits again once the clock has moved 60 s', () => {
    const { clock, limiter } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) pass(limiter);
    clock.advance(59_999);
    expect(limiter.admit(KEY, 10).ok).toBe(false);
    clock.advance(1);
    expect(limiter.admit(KEY, 10).ok).toBe(true);
  });

  it('waits for the oldest request in the window, rounding seconds up', () => {
    const { clock, limiter } = setup({ tier: 'Tier0' });
    pass(limiter);
    clock.advance(10_000);
    pass(limiter);
    pass(limiter);
    clock.advance(19_500);
    expect(refusal(limiter.admit(KEY, 10))).toBe(`${WHO} max RPM: 3, please try again after 31 seconds`);
  });

  it('says at least 1 second when the slot frees in under a second', () => {
    const { clock, limiter } = setup({ limits: { rpm: 1 } });
    pass(limiter);
    clock.advance(59_999);
    expect(refusal(limiter.admit(KEY, 10))).toBe(`${WHO} max RPM: 1, please try again after 1 seconds`);
  });

  it('does not count refused requests toward RPM', () => {
    const { clock, limiter } = setup({ limits: { rpm: 1 } });
    pass(limiter);
    clock.advance(30_000);
    for (let i = 0; i < 5; i++) expect(limiter.admit(KEY, 10).ok).toBe(false);
    clock.advance(30_000);
    expect(limiter.admit(KEY, 10).ok).toBe(true);
  });
});

describe('createRateLimiter: TPM and TPD', () => {
  it('charges the admission tokens to TPM whatever is generated', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    pass(limiter, 300_000);
    expect(refusal(limiter.admit(KEY, 300_000))).toBe(`${WHO} TPM rate limit, current:600000, limit:500000`);
  });

  it('admits a request that exactly reaches the TPM limit', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    pass(limiter, 300_000);
    expect(limiter.admit(KEY, 200_000).ok).toBe(true);
  });

  it('charges nothing for a refused request', () => {
    const { clock, limiter } = setup({ limits: { tpm: 100 } });
    pass(limiter, 60);
    expect(limiter.admit(KEY, 50).ok).toBe(false);
    expect(limiter.admit(KEY, 40).ok).toBe(true);
    clock.advance(60_000);
    expect(limiter.snapshot()[0]!.usage.tokensLastMinute).toBe(0);
  });

  it('refuses over TPD within a day and admits once the oldest charge is a day old', () => {
    const { clock, limiter } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) {
      pass(limiter, 400_000);
      clock.advance(60_000);
    }
    expect(refusal(limiter.admit(KEY, 400_000))).toBe(`${WHO} TPD rate limit,current:1600000, limit:1500000`);
    clock.set(T0 + 24 * 3_600_000 - 1);
    expect(limiter.admit(KEY, 400_000).ok).toBe(false);
    clock.advance(1);
    expect(limiter.admit(KEY, 400_000).ok).toBe(true);
  });

  it('refuses a request whose charge alone is over TPM', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    expect(refusal(limiter.admit(KEY, 500_001))).toBe(`${WHO} TPM rate limit, current:500001, limit:500000`);
  });
});

describe('createRateLimiter: concurrency', () => {
  it('refuses a second concurrent request on Tier0 with the exact message', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    expect(limiter.admit(KEY, 10).ok).toBe(true);
    expect(refusal(limiter.admit(KEY, 10))).toBe(`${WHO} max concurrency: 1, please try again after 1 seconds`);
  });

  it('admits again after the open request is released', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    const first = limiter.admit(KEY, 10);
    expect(first.ok).toBe(true);
    if (first.ok) first.release();
    expect(limiter.admit(KEY, 10).ok).toBe(true);
  });

  it('frees one slot however many times release is called', () => {
    const { limiter } = setup({ limits: { concurrency: 2 } });
    const first = limiter.admit(KEY, 10);
    expect(limiter.admit(KEY, 10).ok).toBe(true);
    if (first.ok) {
      first.release();
      first.release();
    }
    expect(limiter.admit(KEY, 10).ok).toBe(true);
    expect(limiter.admit(KEY, 10).ok).toBe(false);
  });
});

describe('createRateLimiter: order and reset', () => {
  it('reports concurrency before RPM', () => {
    const { limiter } = setup({ limits: { concurrency: 1, rpm: 1 } });
    limiter.admit(KEY, 10);
    expect(refusal(limiter.admit(KEY, 10))).toContain('max concurrency: 1');
  });

  it('reports RPM before TPM', () => {
    const { limiter } = setup({ limits: { rpm: 1, tpm: 10 } });
    pass(limiter, 10);
    expect(refusal(limiter.admit(KEY, 10))).toContain('max RPM: 1');
  });

  it('reports TPM before TPD', () => {
    const { limiter } = setup({ limits: { tpm: 10, tpd: 10 } });
    pass(limiter, 10);
    expect(refusal(limiter.admit(KEY, 10))).toContain('TPM rate limit');
  });

  it('clears all usage on reset', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) pass(limiter, 100_000);
    limiter.admit(KEY, 100_000);
    limiter.reset();
    expect(limiter.snapshot()[0]!.usage).toEqual({ inFlight: 0, requestsLastMinute: 0, tokensLastMinute: 0, tokensLastDay: 0 });
    expect(limiter.admit(KEY, 10).ok).toBe(true);
  });

  it('ignores the release of a request admitted before reset', () => {
    const { limiter } = setup({ limits: { concurrency: 1 } });
    const before = limiter.admit(KEY, 10);
    limiter.reset();
    expect(limiter.admit(KEY, 10).ok).toBe(true);
    if (before.ok) before.release();
    expect(limiter.admit(KEY, 10).ok).toBe(false);
  });

  it('throws on a charge that is not a non-negative integer', () => {
    const { limiter } = setup({ tier: 'Tier0' });
    expect(() => limiter.admit(KEY, -1)).toThrow(RangeError);
    expect(() => limiter.admit(KEY, Number.NaN)).toThrow(RangeError);
  });
});
