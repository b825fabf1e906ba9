import * as z from 'zod';

const imageUrl = z.union([z.string(), z.looseObject({ url: z.string(), detail: z.string().optional() })]);
const videoUrl = z.union([z.string(), z.looseObject({ url: z.string() })]);

/** One part of an array `content`. */
export const contentPartSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text'), text: z.string() }),
  z.looseObject({ type: z.literal('image_url'), image_url: imageUrl }),
  z.looseObject({ type: z.literal('video_url'), video_url: videoUrl }),
]);

/** A tool call inside an assistant message sent back by the client. */
export const toolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function').optional(),
  index: z.number().int().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

/** A chat message. `role` is checked by the validator so that its error carries Moonshot's wording. */
export const messageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(contentPartSchema)]).nullish(),
  name: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  tool_calls: z.array(toolCallSchema).nullish(),
  tool_call_id: z.string().nullish(),
  partial: z.boolean().nullish(),
  /** Dynamic tools: `{"role":"system","tools":[…]}` without content, on models that accept it. */
  tools: z.array(z.lazy(() => toolSchema)).nullish(),
});

/** A tool declaration: `function` tools, or Moonshot's `builtin_function` (e.g. `$web_search`). */
export const toolSchema = z.looseObject({
  type: z.enum(['function', 'builtin_function']),
  function: z.looseObject({
    name: z.string(),
    description: z.string().nullish(),
    parameters: z.record(z.string(), z.unknown()).nullish(),
    strict: z.boolean().nullish(),
  }),
});

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.string().nullish(),
      schema: z.record(z.string(), z.unknown()).nullish(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
]);

/**
 * POST /v1/chat/completions. Unknown top-level fields are dropped, as the real API ignores them;
 * `thinking` is strict (`keep` is checked against the model's rules).
 */
export const chatRequestSchema = z.object({
  model: z.string(),
  messages: z.array(messageSchema),
  max_tokens: z.number().int().nullish(),
  max_completion_tokens: z.number().int().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  n: z.number().int().nullish(),
  presence_penalty: z.number().nullish(),
  frequency_penalty: z.number().nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  response_format: responseFormatSchema.nullish(),
  tools: z.array(toolSchema).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
  thinking: z.strictObject({ type: z.enum(['enabled', 'disabled']), keep: z.string().nullish() }).nullish(),
  reasoning_effort: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().nullish(),
});

export type ChatRequest = z.output<typeof chatRequestSchema>;
export type ChatMessage = z.output<typeof messageSchema>;
export type ContentPart = z.output<typeof contentPartSchema>;
export type ToolDeclaration = z.output<typeof toolSchema>;

/** POST /v1/tokenizers/estimate-token-count: the chat body's `model` and `messages` (plus optional `tools`). */
export const estimateRequestSchema = z.object({
  model: z.string(),
  messages: z.array(messageSchema),
  tools: z.array(toolSchema).nullish(),
});

export type EstimateRequest = z.output<typeof estimateRequestSchema>;
