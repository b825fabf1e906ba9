/**
 * The tokens a chat request is charged against TPM/TPD at admission: prompt tokens plus the output
 * budget it asks for (`max_completion_tokens ?? max_tokens`), or the model's `default_max_tokens` when
 * it asks for none (null counts as none). The budget is charged once whatever `n` is, and whatever
 * the reply actually generates (billing stays on actual usage).
 */
export function admissionCharge(promptTokens: number, requestedMaxTokens: number | null | undefined, defaultMaxTokens: number): number {
  return promptTokens + (requestedMaxTokens ?? defaultMaxTokens);
}
