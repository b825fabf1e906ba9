import { priceTable, type ToolName } from '../catalog/price-table.ts';
import type { UserDirectory } from '../limits/user-directory.ts';
import type { BalanceBook } from './balance-book.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { deriveKeyId } from '../limits/key-id.ts';
import type { Completion } from '../reply/completion.ts';
import { callCost, tokenCost, type BilledUsage } from './call-cost.ts';

/** What billing reads: the users, their balances, and the served day (`apiDate`) whose prices apply. */
export interface BillingDeps {
  users: UserDirectory;
  balances: BalanceBook;
  config: { apiDate?: string | undefined };
}

/** The organisation that pays for `apiKey` and the key id its errors show. */
export function payerOf(deps: Pick<BillingDeps, 'users'>, apiKey: string): { organization: string; keyId: string } {
  const owner = deps.users.findUserByKey(apiKey);
  return { organization: owner?.user.organization ?? deps.users.users[0]!.organization, keyId: owner?.keyId ?? deriveKeyId(apiKey) };
}

/** Refuses inference (429 `exceeded_current_quota_error`) once the payer's available balance is ≤ 0. */
export function requireBalance(deps: Pick<BillingDeps, 'users' | 'balances'>, apiKey: string): void {
  const payer = payerOf(deps, apiKey);
  if (deps.balances.available(payer.organization) <= 0) throw new MoonshotError({ kind: 'insufficient_balance', ...payer });
}

/**
 * Charges a completion from the model's price table in force on the served day (`apiDate`;
 * `mode: 'batch'` uses the batch prices); returns the cost in nano-dollars.
 */
export function chargeCompletion(
  deps: BillingDeps,
  apiKey: string,
  completion: Completion,
  mode: 'standard' | 'batch' = 'standard',
): number {
  const cost = tokenCost(billedUsage(completion), priceTable.tokenRates(completion.model, deps.config.apiDate, mode));
  deps.balances.charge(payerOf(deps, apiKey).organization, cost);
  return cost;
}

/** Charges one call of a search tool at its per-call price; returns the cost in nano-dollars. */
export function chargeToolCall(deps: BillingDeps, apiKey: string, tool: ToolName): number {
  const cost = callCost(priceTable.toolPrice(tool, deps.config.apiDate));
  deps.balances.charge(payerOf(deps, apiKey).organization, cost);
  return cost;
}

/** The token counts a completion is billed on: its prompt, every choice's completion tokens, its cache hit. */
export function billedUsage(completion: Completion): BilledUsage {
  const completionTokens = completion.choices.reduce((sum, choice) => sum + choice.completionTokens, 0);
  return { prompt_tokens: completion.promptTokens, completion_tokens: completionTokens, cached_tokens: completion.cachedTokens ?? 0 };
}

/** Charges a chat completion, plus each builtin `$web_search` it answered after (per call). */
export function billChat(deps: BillingDeps, apiKey: string, completion: Completion, webSearch: { kind: string; searches?: number }): void {
  chargeCompletion(deps, apiKey, completion);
  for (let i = 0; i < (webSearch.searches ?? 0); i++) chargeToolCall(deps, apiKey, 'web_search');
}
