import { tierLimits, type LimitOverrides, type LimitValues, type LimitsConfig, type LimitsUser, type Tier } from './limits-config.ts';

const unlimited: LimitValues = { concurrency: null, rpm: null, tpm: null, tpd: null };

function override(base: LimitValues, limits: LimitOverrides | undefined): LimitValues {
  if (!limits) return base;
  return {
    concurrency: limits.concurrency === undefined ? base.concurrency : limits.concurrency,
    rpm: limits.rpm === undefined ? base.rpm : limits.rpm,
    tpm: limits.tpm === undefined ? base.tpm : limits.tpm,
    tpd: limits.tpd === undefined ? base.tpd : limits.tpd,
  };
}

/**
 * The tier and limits in force for a user (or, without one, for open mode's default user). The most
 * specific setting wins: the user's own `limits`, then its own `tier` (which replaces the top-level
 * `tier` and `limits` entirely), then the top-level `limits`, then the top-level `tier`. Nothing set → all `null`.
 */
export function resolveLimits(config: LimitsConfig, user?: LimitsUser): { tier: Tier | null; limits: LimitValues } {
  const tier = user?.tier ?? config.tier ?? null;
  const fromTier = tier === null ? unlimited : tierLimits[tier];
  const base = user?.tier ? fromTier : override(fromTier, config.limits);
  return { tier, limits: override(base, user?.limits) };
}
