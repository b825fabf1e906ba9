/** The wire `usage` object, key order as in live captures. */
export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cached_tokens?: number;
  completion_tokens_details?: { reasoning_tokens: number };
  prompt_tokens_details?: { cached_tokens: number };
}

/**
 * Builds `usage`: reasoning tokens only for thinking requests; `cached_tokens` (top level and under
 * `prompt_tokens_details`) only when a cache hit is declared and positive, as the live API omits them otherwise.
 */
export function buildUsage(
  promptTokens: number,
  completionTokens: number,
  reasoningTokens: number | undefined,
  cachedTokens: number | undefined,
): WireUsage {
  const usage: WireUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  const cached = cachedTokens !== undefined && cachedTokens > 0;
  if (cached) usage.cached_tokens = cachedTokens;
  if (reasoningTokens !== undefined) usage.completion_tokens_details = { reasoning_tokens: reasoningTokens };
  if (cached) usage.prompt_tokens_details = { cached_tokens: cachedTokens };
  return usage;
}
