import { z } from 'zod';

/**
 * One sampling parameter's rule: `fixed` (only that value is accepted; `message` overrides the live
 * pattern `invalid {param}: only {value} is allowed for this model`) or a range.
 */
export const samplingRuleSchema = z.union([
  z.strictObject({ fixed: z.number(), message: z.string().optional() }),
  z.strictObject({ min: z.number(), max: z.number() }),
]);

/** A sampling rule as parsed. */
export type SamplingRule = z.output<typeof samplingRuleSchema>;

/** The sampling rules of one thinking state; every parameter has a default, so an entry names only what differs. */
export const samplingRulesSchema = z.strictObject({
  temperature: samplingRuleSchema.default({ min: 0, max: 1 }),
  /** The temperature used when a request sends none (for a fixed rule, its value). */
  default_temperature: z.number().optional(),
  top_p: samplingRuleSchema.default({ min: 0, max: 1 }),
  n: samplingRuleSchema.default({ min: 1, max: 5 }),
  presence_penalty: samplingRuleSchema.default({ min: -2, max: 2 }),
  frequency_penalty: samplingRuleSchema.default({ min: -2, max: 2 }),
});

/** Sampling rules of one thinking state, parsed. */
export type SamplingRules = z.output<typeof samplingRulesSchema>;

/** The names of the sampling parameters a rule can govern. */
export const samplingParams = ['temperature', 'top_p', 'n', 'presence_penalty', 'frequency_penalty'] as const;

/** The temperature a model samples at when the request sends none. */
export function defaultTemperatureOf(rules: SamplingRules): number {
  if (rules.default_temperature !== undefined) return rules.default_temperature;
  return 'fixed' in rules.temperature ? rules.temperature.fixed : 0.6;
}
