import type { TokenRates } from '../catalog/price-table.ts';

/** Balances and costs are kept in nano-dollars (1e-9 USD): every listed price is a whole number of them per token. */
export const NANO_PER_USD = 1_000_000_000;

/** The token counts a call is billed on (the `usage` of its completion). */
export interface BilledUsage {
  prompt_tokens: number;
  completion_tokens: number;
  /** Top-level `cached_tokens` or `prompt_tokens_details.cached_tokens`: billed at the cache-hit price. */
  cached_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number };
}

/** USD per 1M tokens → nano-dollars per token, rounded to a whole number. */
function perToken(usdPerMillion: number): number {
  return Math.round(usdPerMillion * 1000);
}

/**
 * The cost of one completion in nano-dollars: the prompt tokens not served from the cache at the
 * cache-miss (`input`) price, the cached ones at the cache-hit price, completion tokens (reasoning
 * included) at the output price. No rates (an unpriced model) costs nothing.
 */
export function tokenCost(usage: BilledUsage, rates: TokenRates | undefined): number {
  if (!rates) return 0;
  const cached = Math.min(usage.prompt_tokens, usage.cached_tokens ?? usage.prompt_tokens_details?.cached_tokens ?? 0);
  return (usage.prompt_tokens - cached) * perToken(rates.input)
    + cached * perToken(rates.cache_hit)
    + usage.completion_tokens * perToken(rates.output);
}

/** A per-call price in USD as nano-dollars. */
export function callCost(usd: number | undefined): number {
  return Math.round((usd ?? 0) * NANO_PER_USD);
}

/** Nano-dollars as the USD number the balance endpoint shows. */
export function toUsd(nano: number): number {
  return nano / NANO_PER_USD;
}
