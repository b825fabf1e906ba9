import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { describeError } from '../../src/errors/error-kind.ts';
import { limitsConfigSchema, type LimitsConfigInput } from '../../src/limits/limits-config.ts';
import { limitsSnapshotSchema } from '../../src/limits/limits-snapshot.ts';
import { createRateLimiter, type Admission } from '../../src/limits/rate-limiter.ts';
import { createUserDirectory } from '../../src/limits/user-directory.ts';

const T0 = 1_800_000_000_000;

const twoUsers: LimitsConfigInput = {
  tier: 'Tier0',
  users: [
    { organization: 'org-7df2a', keys: [{ key: 'sk-a1', id: 'ak-a1' }, { key: 'sk-a2', id: 'ak-a2' }] },
    { organization: 'org-9c01b', keys: [{ key: 'sk-b1', id: 'ak-b1' }] },
  ],
};

function setup(input: LimitsConfigInput) {
  const clock = createManualClock(T0);
  return { clock, limiter: createRateLimiter(limitsConfigSchema.parse(input), clock) };
}

function message(admission: Admission): string {
  if (admission.ok) throw new Error('expected a refusal');
  return describeError(admission.error).message;
}

describe('createRateLimiter: users and keys', () => {
  it('makes two keys of one user share its limits', async () => {
    const { limiter } = setup(twoUsers);
    expect((await limiter.admit('sk-a1', 10)).ok).toBe(true);
    expect(message((await limiter.admit('sk-a2', 10)))).toBe(
      'Your account org-7df2a<ak-a2> request reached organization max concurrency: 1, please try again after 1 seconds',
    );
  });

  it('keeps the limits of two users apart', async () => {
    const { limiter } = setup(twoUsers);
    expect((await limiter.admit('sk-a1', 10)).ok).toBe(true);
    expect((await limiter.admit('sk-b1', 10)).ok).toBe(true);
  });

  it('shares open mode limits across every key', async () => {
    const { limiter } = setup({ tier: 'Tier0' });
    expect((await limiter.admit('sk-one', 10)).ok).toBe(true);
    expect((await limiter.admit('sk-two', 10)).ok).toBe(false);
  });

  it('refuses an unlisted key with invalid_api_key in closed mode', async () => {
    const { limiter } = setup(twoUsers);
    const admission = (await limiter.admit('sk-nobody', 10));
    expect(admission.ok ? undefined : admission.error).toEqual({ kind: 'invalid_api_key' });
  });

  it('uses the directory it is given', async () => {
    const config = limitsConfigSchema.parse(twoUsers);
    const directory = createUserDirectory(config);
    const limiter = createRateLimiter(config, createManualClock(T0), directory);
    expect((await limiter.snapshot()).map((user) => user.organization)).toEqual(directory.users.map((user) => user.organization));
  });
});

describe('createRateLimiter: configuration', () => {
  it('lets explicit limits override the tier', async () => {
    const { limiter } = setup({ tier: 'Tier0', limits: { concurrency: 10, rpm: 5 } });
    for (let i = 0; i < 5; i++) expect((await limiter.admit('sk-x', 10)).ok).toBe(true);
    expect(message((await limiter.admit('sk-x', 10)))).toContain('max RPM: 5, please try again after 60 seconds');
  });

  it('lets a user tier replace the default tier', async () => {
    const { limiter } = setup({
      tier: 'Tier0',
      users: [{ organization: 'org-big', tier: 'Tier1', keys: [{ key: 'sk-big' }] }],
    });
    // Tier1 since 2026-09-03: concurrency 15.
    for (let i = 0; i < 15; i++) expect((await limiter.admit('sk-big', 10)).ok).toBe(true);
    expect(message((await limiter.admit('sk-big', 10)))).toContain('max concurrency: 15');
  });

  it('is disabled and admits everything when nothing is configured', async () => {
    const { limiter } = setup({});
    expect(limiter.enabled).toBe(false);
    for (let i = 0; i < 1_000; i++) expect((await limiter.admit(`sk-${i}`, 10_000_000)).ok).toBe(true);
  });

  it('is disabled with users that have no limits, tracking nothing', async () => {
    const { limiter } = setup({ users: [{ organization: 'org-a', keys: [{ key: 'sk-a' }] }] });
    expect(limiter.enabled).toBe(false);
    (await limiter.admit('sk-a', 10));
    expect((await limiter.snapshot())[0]!.usage.requestsLastMinute).toBe(0);
  });

  it('is enabled by a single explicit limit', async () => {
    expect(setup({ limits: { tpd: 1_000 } }).limiter.enabled).toBe(true);
  });
});

describe('createRateLimiter: snapshot', () => {
  it('reports each user with its tier, limits and usage', async () => {
    const { clock, limiter } = setup({ ...twoUsers, users: [{ ...twoUsers.users![0]!, limits: { concurrency: 3 } }, twoUsers.users![1]!] });
    const first = (await limiter.admit('sk-a1', 1_000));
    (await limiter.admit('sk-a2', 2_000));
    if (first.ok) first.release();
    clock.advance(1_000);
    const snapshot = (await limiter.snapshot());
    expect(limitsSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toEqual([
      {
        organization: 'org-7df2a',
        tier: 'Tier0',
        limits: { concurrency: 3, rpm: 3, tpm: 500_000, tpd: 1_500_000 },
        usage: { inFlight: 1, requestsLastMinute: 2, tokensLastMinute: 3_000, tokensLastDay: 3_000 },
      },
      {
        organization: 'org-9c01b',
        tier: 'Tier0',
        limits: { concurrency: 1, rpm: 3, tpm: 500_000, tpd: 1_500_000 },
        usage: { inFlight: 0, requestsLastMinute: 0, tokensLastMinute: 0, tokensLastDay: 0 },
      },
    ]);
  });

  it('keeps day tokens while minute figures expire', async () => {
    const { clock, limiter } = setup({ limits: { tpd: 10_000 } });
    (await limiter.admit('sk-x', 700));
    clock.advance(60_000);
    expect((await limiter.snapshot())[0]!.usage).toEqual({ inFlight: 1, requestsLastMinute: 0, tokensLastMinute: 0, tokensLastDay: 700 });
  });

  it('reports null day tokens when TPD is unlimited', async () => {
    const { limiter } = setup({ tier: 'Tier1' });
    (await limiter.admit('sk-x', 700));
    expect((await limiter.snapshot())[0]).toMatchObject({
      organization: 'org-moonshot-mock',
      tier: 'Tier1',
      limits: { tpd: null },
      usage: { tokensLastMinute: 700, tokensLastDay: null },
    });
  });

  it('reports unlimited figures and zero usage when disabled', async () => {
    expect(await setup({}).limiter.snapshot()).toEqual([
      {
        organization: 'org-moonshot-mock',
        tier: null,
        limits: { concurrency: null, rpm: null, tpm: null, tpd: null },
        usage: { inFlight: 0, requestsLastMinute: 0, tokensLastMinute: 0, tokensLastDay: null },
      },
    ]);
  });
});
