import { DEFAULT_API_DATE } from '../catalog/api-date.ts';
import { tierTableOn } from '../catalog/tier-table.ts';
import { type LimitOverrides, type LimitValues, type LimitsConfig, type LimitsUser, type Tier } from './limits-config.ts';

/** A table of the limits of each tier (the catalog keeps them dated). */
export type TierLimits = Readonly<Record<Tier, Readonly<LimitValues>>>;

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
 * `tier` and `limits` entirely), then the top-level `limits`, then the top-level `tier`, whose limits
 * come from `tiers` (default: the table in force on the catalog's default date). Nothing set → all `null`.
 */
export function resolveLimits(
  config: LimitsConfig,
  user?: LimitsUser,
  tiers: TierLimits = tierTableOn(DEFAULT_API_DATE),
): { tier: Tier | null; limits: LimitValues } {
  const tier = user?.tier ?? config.tier ?? null;
  const fromTier = tier === null ? unlimited : tiers[tier];
  const base = user?.tier ? fromTier : override(fromTier, config.limits);
  return { tier, limits: override(base, user?.limits) };
}
