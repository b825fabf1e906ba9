import * as z from 'zod';
import { isRegex } from '../match/is-regex.ts';

/** The real API's base URL, the default upstream of `record`, `record-all` and `proxy`. */
export const defaultUpstream = 'https://api.moonshot.ai/v1';

/**
 * What never reaches a fixture file or a log line, besides the `Authorization` and `x-api-key` values
 * (always scrubbed): the values of these request `headers`, the values at these JSON `paths` of a
 * written fixture (`reply.tool_calls.*.arguments.password`; `*` is any key or index), and whatever these
 * regular expressions (`patterns`, JavaScript sources) match in any written string.
 */
export const redactSchema = z.strictObject({
  headers: z.array(z.string().min(1)).default([]),
  paths: z.array(z.string().min(1)).default([]),
  patterns: z
    .array(z.string().min(1).refine((source) => isRegex(source), { message: 'not a valid JavaScript regular expression' }))
    .default([]),
});

/**
 * Record and replay: what an unmatched request does besides `unmatched`. `record` forwards it to
 * `upstream` with the caller's key and writes a fixture to `dir`; `record-all` does so for every
 * request, matched or not, updating fixtures in place; `proxy` forwards and writes nothing.
 */
export const recordSchema = z.strictObject({
  mode: z.enum(['record', 'record-all', 'proxy']).default('record'),
  /** Where fixtures are written (created if missing) and read from; needed by `record` and `record-all`. */
  dir: z.string().min(1).optional(),
  /** A Moonshot-compatible base URL, `/v1` included. */
  upstream: z.url({ protocol: /^https?$/, error: 'must be an http(s) base URL, such as https://api.moonshot.ai/v1' }).default(defaultUpstream),
  /** How long to wait for the upstream's response headers before answering 502. */
  timeoutMs: z.coerce.number().int().positive().default(10 * 60 * 1000),
}).refine((record) => record.mode === 'proxy' || record.dir !== undefined, {
  message: 'record and record-all need a directory to write to (`dir`, or --record DIR)',
  path: ['dir'],
});

/** The record options, defaults applied. */
export type RecordConfig = z.output<typeof recordSchema>;
/** The redaction options, defaults applied. */
export type RedactConfig = z.output<typeof redactSchema>;

/** The config schema's fields for record/replay, spread into it. */
export const recordConfigShape = {
  /** Record/proxy to a real (or another emulated) API; off when absent. */
  record: recordSchema.optional(),
  redact: redactSchema.default({ headers: [], paths: [], patterns: [] }),
  /** Lets record and proxy modes listen on a non-loopback host (they refuse to otherwise). */
  allowRemote: z.boolean().default(false),
};
