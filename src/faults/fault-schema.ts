import { z } from 'zod';
import { delayMsSchema } from '../clock.ts';

const WHEN_KEYS = ['calls', 'first', 'every', 'probability'] as const;

/**
 * Which calls a fault fires on; absent means every call. Exactly one key: `calls` lists 1-based call
 * numbers, `first: N` is calls 1..N, `every: K` is calls K, 2K, 3K…, `probability: p` fires with chance
 * p (0 never, 1 always), drawn from the seeded random source. "Call" is counted by whoever owns the fault
 * (a fixture's matches, a config fault's applying requests).
 */
export const faultWhenSchema = z
  .strictObject({
    calls: z.array(z.number().int().positive()).min(1).optional(),
    first: z.number().int().positive().optional(),
    every: z.number().int().positive().optional(),
    probability: z.number().min(0).max(1).optional(),
  })
  .refine((when) => WHEN_KEYS.filter((key) => when[key] !== undefined).length === 1, {
    message: 'needs exactly one of `calls`, `first`, `every` or `probability`',
  });

/** Chunks sent before a mid-stream fault strikes; 0 = right after the response headers, before any chunk. */
const afterChunks = z.number().int().nonnegative();
const when = faultWhenSchema.optional();

/** An HTTP error answer instead of the completion. */
const httpFault = z.strictObject({
  kind: z.literal('http'),
  when,
  status: z.number().int().min(400).max(599),
  type: z.string().min(1).optional(),
  message: z.string().optional(),
  delay_ms: delayMsSchema.optional().describe("Wait before answering, in milliseconds of the app\'s clock."),
  retry_after: z.number().int().nonnegative().optional().describe('Adds `Retry-After: {seconds}`. The real API sends none, so it is off unless set.'),
});

/** No answer until the configured timeout, then a 504. */
const timeoutFault = z.strictObject({ kind: z.literal('timeout'), when });

/** The connection is cut: after `after_chunks` chunks or `after_ms` milliseconds (one of the two; neither = 0 chunks). */
const disconnectFault = z
  .strictObject({
    kind: z.literal('disconnect'),
    when,
    after_chunks: afterChunks.optional(),
    after_ms: delayMsSchema.optional(),
  })
  .refine((fault) => fault.after_chunks === undefined || fault.after_ms === undefined, {
    message: 'a disconnect fault takes only one of `after_chunks` or `after_ms`',
  });

/** A `data: {"error":…}` event mid-stream, then the stream ends. */
const errorEventFault = z.strictObject({
  kind: z.literal('error_event'),
  when,
  after_chunks: afterChunks.default(0),
  type: z.string().min(1).optional(),
  message: z.string().optional(),
});

/** The stream stops sending and never ends (until the client gives up). */
const stallFault = z.strictObject({ kind: z.literal('stall'), when, after_chunks: afterChunks.default(0) });

/** One chunk whose `data:` line is not valid JSON. */
const malformedChunkFault = z.strictObject({ kind: z.literal('malformed_chunk'), when, after_chunks: afterChunks.default(0) });

/** The stream ends cleanly without a finish chunk, usage or `data: [DONE]`. */
const truncateFault = z.strictObject({ kind: z.literal('truncate'), when, after_chunks: afterChunks.default(0) });

/**
 * A fault to inject, discriminated on `kind`: `http`, `timeout`, `disconnect`, `error_event`, `stall`,
 * `malformed_chunk` or `truncate`, each with an optional `when`. Keys are snake_case and strict: unknown
 * keys and unknown kinds are errors; `disconnect` rejects `after_chunks` and `after_ms` together. HTTP and
 * `error_event` `type`/`message` stay optional here: their defaults depend on the status and live in
 * `faultDefaults` (describe-fault-error.ts). Used by fixtures' `fault` and the `x-mock-fault` header;
 * `configFaultSchema` extends its `options`.
 */
export const faultSchema = z.discriminatedUnion('kind', [
  httpFault,
  timeoutFault,
  disconnectFault,
  errorEventFault,
  stallFault,
  malformedChunkFault,
  truncateFault,
]);

/** A fault with defaults applied (`after_chunks` 0 where it defaults). */
export type Fault = z.output<typeof faultSchema>;
/** A fault as written (defaults optional). */
export type FaultInput = z.input<typeof faultSchema>;
/** A fault's call window. */
export type FaultWhen = z.output<typeof faultWhenSchema>;
