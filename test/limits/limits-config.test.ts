import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createManualClock } from '../../src/clock.ts';
import { deriveKeyId } from '../../src/limits/key-id.ts';
import { tierTableOn } from '../../src/catalog/tier-table.ts';
import { limitsConfigSchema, limitsConfigShape } from '../../src/limits/limits-config.ts';
import { createRateLimiter } from '../../src/limits/rate-limiter.ts';
import { resolveLimits } from '../../src/limits/resolve-limits.ts';
import { createUserDirectory, DEFAULT_ORGANIZATION } from '../../src/limits/user-directory.ts';

const parse = (input: unknown) => limitsConfigSchema.parse(input);
const issue = (input: unknown) => {
  const result = limitsConfigSchema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues[0]!;
};

describe('limitsConfigShape', () => {
  it('spreads into a strict app config whose output the rate limiter accepts', () => {
    const appSchema = z.strictObject({ port: z.number().default(4000), ...limitsConfigShape });
    const config = appSchema.parse({ tier: 'Tier1' });
    expect(createRateLimiter(config, createManualClock(0)).enabled).toBe(true);
    expect(appSchema.safeParse({ tiers: 'Tier1' }).success).toBe(false);
  });

  it('accepts nothing at all', () => {
    expect(parse({})).toEqual({});
  });

  it('rejects an unknown tier', () => {
    expect(issue({ tier: 'Tier6' }).path).toEqual(['tier']);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(issue({ limits: { rpm: 0 } }).path).toEqual(['limits', 'rpm']);
    expect(issue({ limits: { tpm: 1.5 } }).path).toEqual(['limits', 'tpm']);
  });

  it('coerces numeric strings and keeps null as unlimited', () => {
    expect(parse({ limits: { rpm: '10', tpd: null } }).limits).toEqual({ rpm: 10, tpd: null });
  });

  it('rejects a key listed under two users, pointing at the repeat', () => {
    const found = issue({
      users: [
        { organization: 'org-a', keys: [{ key: 'sk-1' }] },
        { organization: 'org-b', keys: [{ key: 'sk-2' }, { key: 'sk-1' }] },
      ],
    });
    expect(found.path).toEqual(['users', 1, 'keys', 1, 'key']);
    expect(found.message).toBe('key already listed at users.0');
  });

  it('rejects an organization listed twice', () => {
    const found = issue({
      users: [
        { organization: 'org-a', keys: [{ key: 'sk-1' }] },
        { organization: 'org-a', keys: [{ key: 'sk-2' }] },
      ],
    });
    expect(found.path).toEqual(['users', 1, 'organization']);
  });

  it('rejects a user without keys', () => {
    expect(issue({ users: [{ organization: 'org-a', keys: [] }] }).path).toEqual(['users', 0, 'keys']);
  });
});

describe('tierTableOn', () => {
  it('holds the documented Tier0 and Tier5 figures before 2026-09-03', () => {
    const tiers = tierTableOn('2026-09-02');
    expect(tiers.Tier0).toEqual({ concurrency: 1, rpm: 3, tpm: 500_000, tpd: 1_500_000 });
    expect(tiers.Tier5).toEqual({ concurrency: 1_000, rpm: 10_000, tpm: 5_000_000, tpd: null });
  });

  it('holds the new concurrency and RPM figures from 2026-09-03, TPM and TPD unchanged', () => {
    const tiers = tierTableOn('2026-09-03');
    expect(tiers.Tier0).toEqual({ concurrency: 1, rpm: 3, tpm: 500_000, tpd: 1_500_000 });
    expect(tiers.Tier1).toEqual({ concurrency: 15, rpm: 100, tpm: 2_000_000, tpd: null });
    expect(tiers.Tier2).toEqual({ concurrency: 40, rpm: 100, tpm: 3_000_000, tpd: null });
    expect(tiers.Tier3).toEqual({ concurrency: 50, rpm: 200, tpm: 3_000_000, tpd: null });
    expect(tiers.Tier4).toEqual({ concurrency: 60, rpm: 200, tpm: 4_000_000, tpd: null });
    expect(tiers.Tier5).toEqual({ concurrency: 100, rpm: 300, tpm: 5_000_000, tpd: null });
  });
});

describe('resolveLimits', () => {
  it('is unlimited with neither tier nor limits', () => {
    expect(resolveLimits(parse({}))).toEqual({ tier: null, limits: { concurrency: null, rpm: null, tpm: null, tpd: null } });
  });

  it('lets explicit limits override the tier, and null lift one', () => {
    const { limits } = resolveLimits(parse({ tier: 'Tier0', limits: { rpm: 30, tpd: null } }));
    expect(limits).toEqual({ concurrency: 1, rpm: 30, tpm: 500_000, tpd: null });
  });

  it('gives a user with its own tier that tier, ignoring the top-level limits', () => {
    const config = parse({
      tier: 'Tier0',
      limits: { rpm: 30 },
      users: [{ organization: 'org-a', tier: 'Tier2', limits: { tpm: 10 }, keys: [{ key: 'sk-1' }] }],
    });
    expect(resolveLimits(config, config.users![0])).toEqual({
      tier: 'Tier2',
      limits: { concurrency: 40, rpm: 100, tpm: 10, tpd: null },
    });
  });

  it('gives a user without a tier the top-level tier and limits under its own', () => {
    const config = parse({
      tier: 'Tier0',
      limits: { rpm: 30 },
      users: [{ organization: 'org-a', limits: { concurrency: 2 }, keys: [{ key: 'sk-1' }] }],
    });
    expect(resolveLimits(config, config.users![0])).toEqual({
      tier: 'Tier0',
      limits: { concurrency: 2, rpm: 30, tpm: 500_000, tpd: 1_500_000 },
    });
  });
});

describe('deriveKeyId', () => {
  it('gives ak- and 20 hex digits, the same for the same key', () => {
    expect(deriveKeyId('sk-test')).toMatch(/^ak-[0-9a-f]{20}$/);
    expect(deriveKeyId('sk-test')).toBe(deriveKeyId('sk-test'));
    expect(deriveKeyId('sk-other')).not.toBe(deriveKeyId('sk-test'));
  });
});

describe('createUserDirectory', () => {
  it('puts every key under the default user in open mode', () => {
    const directory = createUserDirectory(parse({ tier: 'Tier1' }));
    expect(directory.closed).toBe(false);
    const owner = directory.findUserByKey('sk-anything');
    expect(owner?.user.organization).toBe(DEFAULT_ORGANIZATION);
    expect(owner?.keyId).toBe(deriveKeyId('sk-anything'));
  });

  it('finds listed keys with their configured or derived ids, and nothing for others', () => {
    const directory = createUserDirectory(
      parse({ users: [{ organization: 'org-a', keys: [{ key: 'sk-1', id: 'ak-one' }, { key: 'sk-2' }] }] }),
    );
    expect(directory.closed).toBe(true);
    expect(directory.findUserByKey('sk-1')).toMatchObject({ user: { organization: 'org-a' }, keyId: 'ak-one' });
    expect(directory.findUserByKey('sk-2')?.keyId).toBe(deriveKeyId('sk-2'));
    expect(directory.findUserByKey('sk-3')).toBeUndefined();
  });
});
