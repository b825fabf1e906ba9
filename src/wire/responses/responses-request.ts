import * as z from 'zod';

/**
 * The request shapes, built on first use (see `responsesRequestSchema`): zod builds a schema's whole tree
 * when it is declared, and a server's start-up need not pay for shapes it checks only once requests arrive.
 */
function buildSchemas() {
  const textPart = z.looseObject({ type: z.enum(['input_text', 'output_text']), text: z.string() });
  const imagePart = z.looseObject({ type: z.literal('input_image'), image_url: z.string().nullish(), file_id: z.string().nullish() });
  const refusalPart = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });
  const contentSchema = z.union([z.string(), z.array(z.discriminatedUnion('type', [textPart, imagePart, refusalPart]))]);

  /** A message item (`type: "message"` may be left out, as in OpenAI's easy input form). */
  const messageItem = z.looseObject({
    type: z.literal('message').optional(),
    role: z.enum(['user', 'system', 'developer', 'assistant']),
    content: contentSchema,
  });

  /** An input item: a message, a function call and its output, or a reasoning item sent back. */
  const inputItemSchema = z.union([
    z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('function_call'), call_id: z.string(), name: z.string(), arguments: z.string() }),
      z.looseObject({ type: z.literal('function_call_output'), call_id: z.string(), output: z.union([z.string(), z.array(textPart)]) }),
      z.looseObject({
        type: z.literal('reasoning'),
        summary: z.array(z.looseObject({ text: z.string() })).optional(),
        content: z.array(z.looseObject({ type: z.literal('reasoning_text'), text: z.string() })).nullish(),
      }),
      z.looseObject({ type: z.literal('item_reference'), id: z.string() }),
    ]),
    messageItem,
  ]);

  /** A declared tool; only `function` tools are served (others are refused by the mapping). */
  const responsesToolSchema = z.looseObject({
    type: z.string(),
    name: z.string().optional(),
    description: z.string().nullish(),
    parameters: z.record(z.string(), z.unknown()).nullish(),
    strict: z.boolean().nullish(),
  });

  const responsesRequestSchema = z.looseObject({
    model: z.string(),
    input: z.union([z.string(), z.array(inputItemSchema)]),
    instructions: z.string().nullish(),
    stream: z.boolean().nullish(),
    max_output_tokens: z.number().int().nullish(),
    reasoning: z.looseObject({ effort: z.string().nullish(), summary: z.string().nullish() }).nullish(),
    text: z.looseObject({
      format: z.discriminatedUnion('type', [
        z.looseObject({ type: z.literal('text') }),
        z.looseObject({ type: z.literal('json_object') }),
        z.looseObject({ type: z.literal('json_schema'), name: z.string(), schema: z.record(z.string(), z.unknown()), strict: z.boolean().nullish() }),
      ]).nullish(),
    }).nullish(),
    tools: z.array(responsesToolSchema).nullish(),
    tool_choice: z.union([z.enum(['auto', 'none', 'required']), z.looseObject({ type: z.literal('function'), name: z.string() })]).nullish(),
    temperature: z.number().nullish(),
    top_p: z.number().nullish(),
    include: z.array(z.string()).nullish(),
    prompt_cache_key: z.string().nullish(),
    safety_identifier: z.string().nullish(),
    store: z.boolean().nullish(),
    background: z.boolean().nullish(),
    previous_response_id: z.string().nullish(),
    conversation: z.unknown().optional(),
    metadata: z.record(z.string(), z.string()).nullish(),
  });
  return { inputItemSchema, responsesRequestSchema };
}

/**
 * POST /v1/responses, the fields Moonshot documents. `store`, `background`, `previous_response_id`
 * and `conversation` are read only to answer as a stateless server does; other fields are ignored.
 */
export const responsesRequestSchema = z.lazy(() => buildSchemas().responsesRequestSchema);

export type ResponsesRequest = z.output<typeof responsesRequestSchema>;
export type InputItem = z.output<ReturnType<typeof buildSchemas>['inputItemSchema']>;
