import * as z from 'zod';

/** Where a fault came from (`x-mock-fault` header > the matched fixture > server-wide config). */
const faultSourceSchema = z.enum(['header', 'fixture', 'config']);

/** How a request's reply was chosen. */
export const journalMatchSchema = z.object({
  outcome: z.enum(['fixture', 'generated', 'unmatched', 'upstream']).describe('`unmatched` only when it got the 400 `fixture_unmatched_error`; `upstream` when record or proxy mode forwarded it.'),
  fixture: z.string().optional().describe('The matched fixture\'s name (outcome `fixture`).'),
  source: z.string().optional().describe('Where that fixture came from: `file#index` or `runtime#index`.'),
  reason: z.string().optional().describe('Why no fixture matched: the closest fixtures and the conditions they failed (when fixtures are loaded).'),
});

/** A summary of the reply: the first choice's text, reasoning length and tool calls. */
export const journalReplySchema = z.object({
  content: z.string(),
  reasoningLength: z.number().int().describe('Characters of `reasoning_content` (0 without reasoning).'),
  toolCalls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.string() })),
  finishReason: z.string(),
  choices: z.number().int().describe('How many choices the reply had (`n`).'),
});

/**
 * One journaled request, as `GET /_mock/requests` returns it. Never holds a header: the
 * Authorization header and keys are not stored anywhere.
 */
export const journalEntrySchema = z.object({
  seq: z.number().int().describe('1, 2, 3 … in arrival order within the namespace, until it is reset.'),
  requestId: z.string().describe('The `Msh-Request-Id` the response carried.'),
  time: z.number().describe('Arrival, in milliseconds since the epoch on the app clock (the injected one in tests).'),
  namespace: z.string(),
  method: z.string(),
  path: z.string(),
  body: z.any().describe('The JSON body as sent; past `journalBodyBytes`, its first characters as a string (see `bodyTruncated`). Absent when there was none.'),
  bodyBytes: z.number().int(),
  bodyTruncated: z.boolean(),
  model: z.string().nullable(),
  stream: z.boolean(),
  match: journalMatchSchema.nullable().describe('Null for requests that never reached fixture matching (validation errors, other routes).'),
  scenario: z.object({ name: z.string(), state: z.string(), next: z.string() }).nullable().describe('The matched fixture\'s scenario: its state before and after this request.'),
  fault: z.object({ kind: z.string(), source: faultSourceSchema }).nullable(),
  rateLimit: z.enum(['off', 'admitted', 'limited']).nullable().describe('Null for requests that never reached the limiter.'),
  status: z.number().int(),
  error: z.object({ type: z.string(), message: z.string() }).nullable(),
  reply: journalReplySchema.nullable(),
  usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int(), cached_tokens: z.number().int().optional() }).nullable(),
  aborted: z.boolean().describe('The client went away before the response ended (an injected `disconnect` is not counted).'),
});

export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** What a route tells the journal about its request while handling it; the rest comes from the response. */
export type JournalNote = Partial<Pick<JournalEntry, 'model' | 'stream' | 'match' | 'scenario' | 'fault' | 'rateLimit' | 'reply' | 'usage' | 'aborted'>> & {
  /** The entry once recorded, so what ends later (a stream's abort) can still be written to it. */
  entry?: JournalEntry;
};
