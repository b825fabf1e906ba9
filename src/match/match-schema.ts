import * as z from 'zod';

/**
 * A text condition: a bare string means `contains`. Several keys must all hold.
 * `regex` is a JavaScript regular expression source; its capture groups can be used in reply strings
 * as `$1` or `$<name>`.
 */
export const textConditionSchema = z.union([
  z.string(),
  z.strictObject({
    contains: z.string().optional(),
    equals: z.string().optional(),
    startsWith: z.string().optional(),
    regex: z.string().optional(),
    ignoreCase: z.boolean().optional(),
  }),
]);

const rangeSchema = z.union([
  z.number().int().nonnegative(),
  z.strictObject({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() }),
]);

const roleSchema = z.enum(['system', 'user', 'assistant', 'tool']);

/** Conditions on the request; all given must hold. An empty `match` is a catch-all. */
export const matchSchema = z.strictObject({
  model: z.union([z.string(), z.array(z.string()).min(1)]).optional().describe('Model id, or a list of ids.'),
  user: textConditionSchema.optional().describe("The last user message\'s text. Applies only while the last message is the user\'s (tool loops stay safe)."),
  system: textConditionSchema.optional().describe("The system messages\' text, joined with newlines."),
  lastRole: z.union([roleSchema, z.array(roleSchema).min(1)]).optional().describe('Role of the last message (or one of several).'),
  turn: rangeSchema.optional().describe('Number of user messages: exact, or `{min, max}` (inclusive).'),
  tools: z.union([z.boolean(), z.array(z.string()).min(1)]).optional().describe('`true`/`false`: the request declares tools or not; a list: it declares at least these tool names.'),
  toolResult: z
    .union([z.string(), z.strictObject({ name: z.string().optional(), contains: z.string().optional() })])
    .optional().describe('The conversation ends with a result of this tool (a bare string is the tool name).'),
  thinking: z.boolean().optional().describe('Effective thinking on or off for this request.'),
  responseFormat: z.enum(['text', 'json_object', 'json_schema']).optional(),
  partial: z.boolean().optional().describe('The request ends with a `partial` assistant message.'),
  headers: z.record(z.string(), textConditionSchema).optional().describe('Request headers (names case-insensitive), each a text condition.'),
});

/** A text condition as parsed. */
export type TextCondition = z.output<typeof textConditionSchema>;
/** The conditions of a fixture's or a config fault's `match`. */
export type MatchConditions = z.output<typeof matchSchema>;
