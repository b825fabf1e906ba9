import { z } from 'zod';
import { DEFAULT_API_DATE, isoDateSchema } from './catalog/api-date.ts';
import { DELAY_TOO_LONG, MAX_DELAY_MS } from './clock.ts';
import { modelEntrySchema } from './catalog/model-entry.ts';
import { configFaultSchema } from './faults/config-fault-schema.ts';
import { limitsConfigShape } from './limits/limits-config.ts';
import { recordConfigShape } from './record/record-config.ts';

/**
 * The one schema for every option, whether it comes from CLI flags, a config file (JSON or YAML) or
 * `createApp`/`startServer`. Every default lives here. Numbers coerce from strings so CLI flags parse too.
 */
export const configSchema = z.strictObject({
  /** TCP port; 0 takes a free one. */
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  host: z.string().min(1).default('127.0.0.1'),
  /** `Host` names served besides loopback ones (and `host`); `["*"]` serves any. Others get 403. */
  allowedHosts: z.array(z.string().min(1)).default([]),
  /** Seeds ids and generated text: the same seed and request order give the same bytes. */
  seed: z.coerce.number().int().default(0),
  /**
   * The day whose catalog, per-model rules and rate-limit tiers are served (`YYYY-MM-DD`): models not
   * yet released or already retired then answer 404. Default: the fixed date the data ships for, never the clock.
   */
  apiDate: isoDateSchema.default(DEFAULT_API_DATE),
  /** Models added to (or, with `replaceModels`, replacing) the shipped catalog, with their own rules. */
  models: z.array(modelEntrySchema).default([]),
  replaceModels: z.boolean().default(false),
  /** Automatic prefix caching (`cached_tokens` for a prompt that extends one seen in the last 5 minutes). */
  prefixCache: z.boolean().default(true),
  /** The js-tiktoken encoding used for every token count. */
  encoding: z.enum(['o200k_base', 'cl100k_base']).default('o200k_base'),
  /** When set, only these keys are accepted (401 `invalid_authentication_error` otherwise). */
  apiKeys: z.array(z.string().min(1)).optional(),
  /** Largest accepted request body, in bytes (Moonshot documents 100 MB). */
  maxBodyBytes: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  /** Freezes `created` (Unix seconds or an ISO date) for byte-stable output. */
  fixedTime: z.union([z.number().int().nonnegative(), z.iso.datetime({ offset: true })]).optional(),
  /** Print one line per request to stderr. */
  logRequests: z.boolean().default(false),
  /** Fixture files or folders (JSON/YAML, read recursively in path order), or inline fixture objects. */
  fixtures: z.array(z.union([z.string().min(1), z.record(z.string(), z.unknown())])).default([]),
  /** What an unmatched request gets; default `generate` without fixtures, `error` with some. */
  unmatched: z.enum(['generate', 'error']).optional(),
  /** Reload fixture files when they change (a broken file keeps the last good set). */
  watch: z.boolean().default(false),
  /** Server-wide injected faults, each with an optional `match` and `when` (after header and fixture faults). */
  faults: z.array(configFaultSchema).default([]),
  /** A non-stream request whose simulated generation outlasts this gets 504 (`timeout` faults); the manual's 2 h. */
  timeoutMs: z.coerce.number().int().positive().max(MAX_DELAY_MS, DELAY_TOO_LONG).default(2 * 60 * 60 * 1000),
  /** Generation speed assumed by `timeout` faults when the fixture sets none. */
  tokensPerSecond: z.coerce.number().min(0.001).default(60),
  /** Longest a `stall` fault holds a connection open before ending it, so nothing leaks. */
  stallCapMs: z.coerce.number().int().positive().max(MAX_DELAY_MS, DELAY_TOO_LONG).default(5 * 60 * 1000),
  /**
   * Most open connections; past it the oldest idle one is closed (or, if all are busy, the new one).
   * Keep it below the process's file limit (`ulimit -n`).
   */
  maxConnections: z.coerce.number().int().positive().default(1024),
  /** A connection that has not sent complete request headers by then is closed (Node's default: 60 s). */
  headersTimeout: z.coerce.number().int().positive().max(MAX_DELAY_MS, DELAY_TOO_LONG).default(10_000),
  /** A request not received in full (headers and body) by then gets 408 (Node's default: 300 s); 0 = never. */
  requestTimeout: z.coerce.number().int().nonnegative().max(MAX_DELAY_MS, DELAY_TOO_LONG).default(60_000),
  /** An idle keep-alive connection is closed after this long (Node's default: 5 s). */
  keepAliveTimeout: z.coerce.number().int().positive().max(MAX_DELAY_MS, DELAY_TOO_LONG).default(5_000),
  /** Moonshot's rate limiter: `tier`, explicit `limits`, and `users` owning keys (off when none is set). */
  ...limitsConfigShape,
  /** Record/replay against a real API: `record` (mode, dir, upstream), `redact`, `allowRemote`. */
  ...recordConfigShape,
});

/** Options as a user writes them (all optional). */
export type ConfigInput = z.input<typeof configSchema>;
/** Options with every default applied. */
export type Config = z.output<typeof configSchema>;

/** A bad option: `message` is one line naming the option. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses options, naming the offending option in the error the way the user wrote it:
 * `nameOption('port')` may give `--port` for the CLI or `port` for a file.
 */
export function parseConfig(input: unknown, nameOption: (path: string) => string = (p) => p): Config {
  const result = configSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    throw new ConfigError(`Unknown option ${issue.keys.map((key) => nameOption(path ? `${path}.${key}` : key)).join(', ')}`);
  }
  throw new ConfigError(`Invalid option ${nameOption(path)}: ${issue.message}`);
}
