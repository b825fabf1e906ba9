import { z } from 'zod';
import { samplingRulesSchema } from './sampling-rules.ts';

/** How media may be passed: a base64 `data:` URL, an `ms://<file_id>` reference, or a public http(s) URL. */
export const mediaFormSchema = z.enum(['base64', 'ms', 'url']);

/** A tool_choice kind: the three strings, or `function` for a named function. */
export const toolChoiceKindSchema = z.enum(['auto', 'none', 'required', 'function']);

/** Thinking (reasoning) behaviour. */
export const thinkingRulesSchema = z.strictObject({
  /** `none`: never reasons (`thinking` is ignored); `switchable`: `thinking.type` turns it on/off; `always`: cannot be turned off. */
  mode: z.enum(['none', 'switchable', 'always']).default('none'),
  /** For `switchable` models: the state when the request sends no `thinking`. */
  default: z.enum(['enabled', 'disabled']).default('enabled'),
  /** `thinking.keep` values accepted besides null (none: any `keep` is refused). */
  keep: z.array(z.string()).default([]),
  /** The 400 message for `thinking:{type:"disabled"}` on an `always` model (live wording by default). */
  disabled_message: z.string().default('invalid thinking: only type=enabled is allowed for this model'),
  /** `tool_choice` kinds accepted while the model thinks; others get "tool_choice '…' is incompatible with thinking enabled". */
  tool_choice: z.array(toolChoiceKindSchema).default(['auto', 'none']),
});

/** `reasoning_effort` values and default; absent when the model takes none (the field is then ignored). */
export const reasoningEffortSchema = z
  .strictObject({
    values: z.array(z.string().min(1)).min(1),
    default: z.string().min(1),
    /** The 400 message for another value; `{values}` is replaced by the list. */
    message: z.string().default('invalid reasoning_effort: only {values} is allowed for this model'),
  })
  .refine((effort) => effort.values.includes(effort.default), { message: 'default must be one of values', path: ['default'] });

/**
 * Everything that differs between models, as data: the validator, the reply and the limiter read
 * these rules and hold no model names. Every field has a default, so an entry names only what differs.
 */
export const modelRulesShape = {
  context_length: z.number().int().positive(),
  /** The output budget assumed when a request sends no max_tokens (output cap, rate-limit admission charge). */
  default_max_tokens: z.number().int().positive().default(1024),
  /** Largest `max_tokens`/`max_completion_tokens` accepted (default: the context length). */
  max_output_tokens: z.number().int().positive().optional(),
  /** Forms in which image parts are accepted; empty: the model takes no images. */
  image_input: z.array(mediaFormSchema).default([]),
  /** Forms in which video parts are accepted; empty: the model takes no video. */
  video_input: z.array(mediaFormSchema).default([]),
  thinking: thinkingRulesSchema.prefault({}),
  reasoning_effort: reasoningEffortSchema.optional(),
  /** Sampling rules while thinking and while not (defaults: the open ranges). */
  sampling: z.strictObject({ thinking: samplingRulesSchema.prefault({}), plain: samplingRulesSchema.prefault({}) }).prefault({}),
  /** Accepts `{"role":"system","tools":[…]}` without content (K3's dynamic tools). */
  dynamic_tools: z.boolean().default(false),
  /** `hex24`: `chatcmpl-` + 24 hex digits; `uuid`: `chatcmpl-` + 8-4-4-4-12 hex digits. */
  id_style: z.enum(['hex24', 'uuid']).default('hex24'),
  /** Whether stream chunks carry `system_fingerprint`. */
  system_fingerprint: z.boolean().default(true),
};

/** The rules alone (used to check a dated change applied to an entry). */
export const modelRulesSchema = z.strictObject(modelRulesShape);
