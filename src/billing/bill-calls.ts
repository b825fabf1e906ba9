import { priceTable, type ToolName } from '../catalog/price-table.ts';
import type { AppDeps } from '../deps.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { deriveKeyId } from '../limits/key-id.ts';
import { callCost, tokenCost, type BilledUsage } from './call-cost.ts';

/** The organisation that pays for `apiKey` and the key id its errors show. */
export function payerOf(deps: Pick<AppDeps, 'users'>, apiKey: string): { organization: string; keyId: string } {
  const owner = deps.users.findUserByKey(apiKey);
  return { organization: owner?.user.organization ?? deps.users.users[0]!.organization, keyId: owner?.keyId ?? deriveKeyId(apiKey) };
}

/** Refuses inference (429 `exceeded_current_quota_error`) once the payer's available balance is ≤ 0. */
export function requireBalance(deps: Pick<AppDeps, 'users' | 'balances'>, apiKey: string): void {
  const payer = payerOf(deps, apiKey);
  if (deps.balances.available(payer.organization) <= 0) throw new MoonshotError({ kind: 'insufficient_balance', ...payer });
}

/**
 * Charges a completion from the model's price table in force on the served day (`apiDate`;
 * `mode: 'batch'` uses the batch prices); returns the cost in nano-dollars.
 */
export function chargeCompletion(
  deps: Pick<AppDeps, 'users' | 'balances' | 'config'>,
  apiKey: string,
  model: string,
  usage: BilledUsage,
  mode: 'standard' | 'batch' = 'standard',
): number {
  const cost = tokenCost(usage, priceTable.tokenRates(model, deps.config.apiDate, mode));
  deps.balances.charge(payerOf(deps, apiKey).organization, cost);
  return cost;
}

/** Charges one call of a search tool at its per-call price; returns the cost in nano-dollars. */
export function chargeToolCall(deps: Pick<AppDeps, 'users' | 'balances' | 'config'>, apiKey: string, tool: ToolName): number {
  const cost = callCost(priceTable.toolPrice(tool, deps.config.apiDate));
  deps.balances.charge(payerOf(deps, apiKey).organization, cost);
  return cost;
}
