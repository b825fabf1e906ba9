import { z } from 'zod';

/** A wire API a model can be served on. */
export const apiSchema = z.enum(['chat', 'messages', 'responses']);
export type Api = z.output<typeof apiSchema>;

/**
 * One model of the catalog. The default catalog (default-models.json) and the `models` option of the
 * config are both parsed with this schema, so a user adds a model with the same fields shown here.
 */
export const modelEntrySchema = z.strictObject({
  id: z.string().min(1),
  /** Unix seconds, as listed by GET /v1/models. */
  created: z.number().int().nonnegative().default(1769472000),
  owned_by: z.string().default('moonshot'),
  context_length: z.number().int().positive(),
  supports_image_in: z.boolean().default(false),
  supports_video_in: z.boolean().default(false),
  /** `none`: never reasons; `default_on`: reasons unless `thinking:{type:"disabled"}`; `always`: cannot be turned off. */
  thinking: z.enum(['none', 'default_on', 'always']).default('none'),
  /** `fixed`: kimi-k2.5's rule — temperature/top_p/n/penalties may only take the model's values. */
  sampling: z.enum(['free', 'fixed']).default('free'),
  /** Largest `n` accepted. */
  max_n: z.number().int().min(1).default(5),
  /** The output budget assumed when a request sends no max_tokens (cap on output, rate-limit admission). */
  default_max_tokens: z.number().int().positive().default(1024),
  /** ISO date on which the model went offline; such a model is not listed and any use answers 404. */
  retired: z.string().optional(),
  display_name: z.string().optional(),
  /**
   * The wire APIs that serve the model: `chat` (/v1/chat/completions), `messages`
   * (/anthropic/v1/messages), `responses` (/v1/responses). On any other it answers 404
   * "Not found the model … or Permission denied", as for an unknown id.
   */
  apis: z.array(apiSchema).default(['chat']),
  /**
   * What a /anthropic/v1/messages request without `thinking` means: `default`, the model's own
   * default; `disabled`, thinking off, which an always-thinking model refuses (kimi-k2.7-code, live).
   */
  messages_thinking_default: z.enum(['default', 'disabled']).default('default'),
});

/** A catalog entry as written (defaults optional). */
export type ModelEntryInput = z.input<typeof modelEntrySchema>;
/** A catalog entry with every default filled in. */
export type ModelEntry = z.output<typeof modelEntrySchema>;
