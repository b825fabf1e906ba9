import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { describeError } from '../../src/errors/error-kind.ts';
import { deriveKeyId } from '../../src/limits/key-id.ts';
import { limitsConfigSchema, type LimitsConfigInput } from '../../src/limits/limits-config.ts';
import { createMemoryUsageStore } from '../../src/limits/memory-usage-store.ts';
import { createRateLimiter, type Admission } from '../../src/limits/rate-limiter.ts';
import { createRunState } from '../../src/state/run-state.ts';

const T0 = 1_800_000_000_000;
const KEY = 'sk-test';
const WHO = `Your account org-moonshot-mock<${deriveKeyId(KEY)}> request reached organization`;

function setup(input: LimitsConfigInput) {
  const clock = createManualClock(T0);
  const state = createRunState(0);
  const config = limitsConfigSchema.parse(input);
  return { clock, state, limiter: createRateLimiter(config, clock, undefined, createMemoryUsageStore(state, clock)) };
}

/** The 429 message of a refusal (fails the test on an admission). */
function refusal(admission: Admission): string {
  if (admission.ok) throw new Error('expected a refusal');
  const { status, type, message } = describeError(admission.error);
  expect([status, type]).toEqual([429, 'rate_limit_reached_error']);
  return message;
}

/** Admits and releases at once, so only the windows see the request. */
async function pass(limiter: ReturnType<typeof createRateLimiter>, tokens = 10, key = KEY): Promise<void> {
  const admission = (await limiter.admit(key, tokens));
  if (!admission.ok) throw new Error(describeError(admission.error).message);
  admission.release();
}

describe('createRateLimiter: RPM', () => {
  it('refuses the 4th request of a minute on Tier0 with the exact RPM message', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) await pass(limiter);
    expect(refusal((await limiter.admit(KEY, 10)))).toBe(`${WHO} max RPM: 3, please try again after 60 seconds`);
  });

  it('admits again once the clock has moved 60 s', async () => {
    const { clock, limiter } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) await pass(limiter);
    clock.advance(59_999);
    expect((await limiter.admit(KEY, 10)).ok).toBe(false);
    clock.advance(1);
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
  });

  it('waits for the oldest request in the window, rounding seconds up', async () => {
    const { clock, limiter } = setup({ tier: 'Tier0' });
    await pass(limiter);
    clock.advance(10_000);
    await pass(limiter);
    await pass(limiter);
    clock.advance(19_500);
    expect(refusal((await limiter.admit(KEY, 10)))).toBe(`${WHO} max RPM: 3, please try again after 31 seconds`);
  });

  it('says at least 1 second when the slot frees in under a second', async () => {
    const { clock, limiter } = setup({ limits: { rpm: 1 } });
    await pass(limiter);
    clock.advance(59_999);
    expect(refusal((await limiter.admit(KEY, 10)))).toBe(`${WHO} max RPM: 1, please try again after 1 seconds`);
  });

  it('does not count refused requests toward RPM', async () => {
    const { clock, limiter } = setup({ limits: { rpm: 1 } });
    await pass(limiter);
    clock.advance(30_000);
    for (let i = 0; i < 5; i++) expect((await limiter.admit(KEY, 10)).ok).toBe(false);
    clock.advance(30_000);
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
  });
});

describe('createRateLimiter: TPM and TPD', () => {
  it('charges the admission tokens to TPM whatever is generated', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    await pass(limiter, 300_000);
    expect(refusal((await limiter.admit(KEY, 300_000)))).toBe(`${WHO} TPM rate limit, current:600000, limit:500000`);
  });

  it('admits a request that exactly reaches the TPM limit', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    await pass(limiter, 300_000);
    expect((await limiter.admit(KEY, 200_000)).ok).toBe(true);
  });

  it('charges nothing for a refused request', async () => {
    const { clock, limiter } = setup({ limits: { tpm: 100 } });
    await pass(limiter, 60);
    expect((await limiter.admit(KEY, 50)).ok).toBe(false);
    expect((await limiter.admit(KEY, 40)).ok).toBe(true);
    clock.advance(60_000);
    expect((await limiter.snapshot())[0]!.usage.tokensLastMinute).toBe(0);
  });

  it('refuses over TPD within a day and admits once the oldest charge is a day old', async () => {
    const { clock, limiter } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) {
      await pass(limiter, 400_000);
      clock.advance(60_000);
    }
    expect(refusal((await limiter.admit(KEY, 400_000)))).toBe(`${WHO} TPD rate limit,current:1600000, limit:1500000`);
    clock.set(T0 + 24 * 3_600_000 - 1);
    expect((await limiter.admit(KEY, 400_000)).ok).toBe(false);
    clock.advance(1);
    expect((await limiter.admit(KEY, 400_000)).ok).toBe(true);
  });

  it('refuses a request whose charge alone is over TPM', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    expect(refusal((await limiter.admit(KEY, 500_001)))).toBe(`${WHO} TPM rate limit, current:500001, limit:500000`);
  });
});

describe('createRateLimiter: concurrency', () => {
  it('refuses a second concurrent request on Tier0 with the exact message', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
    expect(refusal((await limiter.admit(KEY, 10)))).toBe(`${WHO} max concurrency: 1, please try again after 1 seconds`);
  });

  it('admits again after the open request is released', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    const first = (await limiter.admit(KEY, 10));
    expect(first.ok).toBe(true);
    if (first.ok) first.release();
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
  });

  it('frees one slot however many times release is called', async () => {
    const { limiter } = setup({ limits: { concurrency: 2 } });
    const first = (await limiter.admit(KEY, 10));
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
    if (first.ok) {
      first.release();
      first.release();
    }
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
    expect((await limiter.admit(KEY, 10)).ok).toBe(false);
  });
});

describe('createRateLimiter: order and reset', () => {
  it('reports concurrency before RPM', async () => {
    const { limiter } = setup({ limits: { concurrency: 1, rpm: 1 } });
    (await limiter.admit(KEY, 10));
    expect(refusal((await limiter.admit(KEY, 10)))).toContain('max concurrency: 1');
  });

  it('reports RPM before TPM', async () => {
    const { limiter } = setup({ limits: { rpm: 1, tpm: 10 } });
    await pass(limiter, 10);
    expect(refusal((await limiter.admit(KEY, 10)))).toContain('max RPM: 1');
  });

  it('reports TPM before TPD', async () => {
    const { limiter } = setup({ limits: { tpm: 10, tpd: 10 } });
    await pass(limiter, 10);
    expect(refusal((await limiter.admit(KEY, 10)))).toContain('TPM rate limit');
  });

  it('clears all usage when the run state resets', async () => {
    const { limiter, state } = setup({ tier: 'Tier0' });
    for (let i = 0; i < 3; i++) await pass(limiter, 100_000);
    (await limiter.admit(KEY, 100_000));
    state.reset();
    expect((await limiter.snapshot())[0]!.usage).toEqual({ inFlight: 0, requestsLastMinute: 0, tokensLastMinute: 0, tokensLastDay: 0 });
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
  });

  it('ignores the release of a request admitted before a reset', async () => {
    const { limiter, state } = setup({ limits: { concurrency: 1 } });
    const before = (await limiter.admit(KEY, 10));
    state.reset();
    expect((await limiter.admit(KEY, 10)).ok).toBe(true);
    if (before.ok) before.release();
    expect((await limiter.admit(KEY, 10)).ok).toBe(false);
  });

  it('throws on a charge that is not a non-negative integer', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    await expect(limiter.admit(KEY, -1)).rejects.toThrow(new RangeError('tokens must be a non-negative integer, got -1'));
    await expect(limiter.admit(KEY, Number.NaN)).rejects.toThrow(new RangeError('tokens must be a non-negative integer, got NaN'));
  });
});
