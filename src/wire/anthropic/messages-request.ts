import * as z from 'zod';

/**
 * The request shapes, built on first use (see `messagesRequestSchema`): zod builds a schema's whole tree
 * when it is declared, and a server's start-up need not pay for shapes it checks only once requests arrive.
 */
function buildSchemas() {
  /** `cache_control` on a block, a tool or the request (Moonshot writes the cache only for the top-level one). */
  const cacheControl = z.looseObject({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() }).nullish();

  const textBlock = z.looseObject({ type: z.literal('text'), text: z.string(), cache_control: cacheControl });
  const imageBlock = z.looseObject({
    type: z.literal('image'),
    source: z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
      z.looseObject({ type: z.literal('url'), url: z.string() }),
    ]),
    cache_control: cacheControl,
  });

  /** Blocks of a `tool_result`'s array content. */
  const toolResultPart = z.discriminatedUnion('type', [textBlock, imageBlock]);

  /** A content block of a message, as clients send them back (thinking blocks with their `signature`). */
  const contentBlockSchema = z.discriminatedUnion('type', [
    textBlock,
    imageBlock,
    z.looseObject({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown(), cache_control: cacheControl }),
    z.looseObject({
      type: z.literal('tool_result'),
      tool_use_id: z.string(),
      content: z.union([z.string(), z.array(toolResultPart)]).optional(),
      is_error: z.boolean().optional(),
      cache_control: cacheControl,
    }),
    z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: z.string() }),
    z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() }),
  ]);

  /** A message: `system` messages inside `messages` are accepted as Claude Code sends them. */
  const anthropicMessageSchema = z.looseObject({
    role: z.enum(['user', 'assistant', 'system']),
    content: z.union([z.string(), z.array(contentBlockSchema)]),
  });

  /** A client tool; `defer_loading` and an empty `input_schema` (with `$schema`) are accepted as Claude Code sends them. */
  const anthropicToolSchema = z.looseObject({
    type: z.literal('custom').optional(),
    name: z.string(),
    description: z.string().optional(),
    input_schema: z.record(z.string(), z.unknown()),
    cache_control: cacheControl,
    defer_loading: z.boolean().optional(),
  });

  const messagesRequestSchema = z.looseObject({
    model: z.string(),
    max_tokens: z.number().int().min(1),
    messages: z.array(anthropicMessageSchema),
    system: z.union([z.string(), z.array(textBlock)]).optional(),
    stream: z.boolean().optional(),
    stop_sequences: z.array(z.string()).optional(),
    temperature: z.number().optional(),
    top_p: z.number().optional(),
    top_k: z.number().int().optional(),
    tools: z.array(anthropicToolSchema).optional(),
    tool_choice: z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('auto') }),
      z.looseObject({ type: z.literal('any') }),
      z.looseObject({ type: z.literal('none') }),
      z.looseObject({ type: z.literal('tool'), name: z.string() }),
    ]).optional(),
    thinking: z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('enabled'), budget_tokens: z.number().int().optional(), display: z.enum(['summarized', 'omitted']).nullish() }),
      z.looseObject({ type: z.literal('adaptive'), display: z.enum(['summarized', 'omitted']).nullish() }),
      z.looseObject({ type: z.literal('disabled') }),
    ]).optional(),
    output_config: z.looseObject({
      effort: z.string().nullish(),
      format: z.looseObject({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }).nullish(),
    }).optional(),
    metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
    cache_control: cacheControl,
  });
  return { contentBlockSchema, anthropicMessageSchema, messagesRequestSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;

/**
 * POST /anthropic/v1/messages. `max_tokens` is required. `thinking` takes `enabled`, `adaptive` (what
 * Claude Code sends; both mean thinking on) or `disabled`. Unknown top-level fields
 * (`context_management`, `anthropic_beta` …) are accepted and ignored, as the real endpoint does.
 */
export const messagesRequestSchema = z.lazy(() => buildSchemas().messagesRequestSchema);

export type MessagesRequest = z.output<typeof messagesRequestSchema>;
export type AnthropicMessage = z.output<Schemas['anthropicMessageSchema']>;
export type ContentBlock = z.output<Schemas['contentBlockSchema']>;
