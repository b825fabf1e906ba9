import { parseArgs } from 'node:util';
import { suggestFlag } from './suggest-flag.ts';

/** `moonshot-mock --help`. */
export const usage = `Usage: moonshot-mock [options]

  --port N              port to listen on (0 = any free port; default 4000, or $PORT)
  --host H              interface to bind (default 127.0.0.1)
  --allowed-hosts NAMES Host names served besides loopback ones, comma-separated (* = any)
  --seed N              seed for ids and generated text (default 0)
  --config FILE         JSON or YAML file with any option of the config schema
  --fixtures PATH       fixture file or folder (repeatable)
  --unmatched MODE      generate | error (default: error with fixtures, generate without)
  --watch               reload fixture files when they change
  --tier TIER           turn on Moonshot's rate limiter at Tier0..Tier5
  --api-date DATE       serve the catalog, model rules and tiers as on DATE (YYYY-MM-DD; default 2026-12-01)
  --no-prefix-cache     turn automatic prefix caching (usage.cached_tokens) off
  --record DIR          forward unmatched requests upstream and write fixtures for them to DIR
  --record-all DIR      forward every request upstream, re-recording matched ones in place
  --proxy               forward unmatched requests upstream, write nothing
  --upstream URL        where to forward (default https://api.moonshot.ai/v1)
  --redact-header NAME  also keep this header's value out of fixtures and logs (repeatable)
  --allow-remote        let record and proxy modes listen on a non-loopback --host
  --log-requests        one line per request on stderr: method, path, model, status, fixture, fault, ms
  --pid-file FILE       write the process id to FILE (removed on exit)
  --ready-file FILE     write the base URL to FILE once listening (removed on exit)
  -v, --version         print the version
  -h, --help            show this help`;

/** The CLI's flags, as node:util parseArgs options. */
export const cliOptions = {
  port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' }, unmatched: { type: 'string' }, tier: { type: 'string' },
  config: { type: 'string' }, fixtures: { type: 'string', multiple: true }, watch: { type: 'boolean' },
  record: { type: 'string' }, 'record-all': { type: 'string' }, proxy: { type: 'boolean' }, upstream: { type: 'string' },
  'redact-header': { type: 'string', multiple: true }, 'allow-remote': { type: 'boolean' },
  'allowed-hosts': { type: 'string', multiple: true },
  'api-date': { type: 'string' }, 'no-prefix-cache': { type: 'boolean' },
  'log-requests': { type: 'boolean' }, 'pid-file': { type: 'string' }, 'ready-file': { type: 'string' },
  version: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' },
} as const;

/** The flags as parsed. */
export type CliFlags = ReturnType<typeof parseArgs<{ options: typeof cliOptions }>>['values'];

/** A bad command line or config: printed as one line, exit code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Parses argv; an unknown flag's error suggests the closest known one ("Did you mean --port?"). */
export function parseCliArgs(argv: readonly string[]): CliFlags {
  try {
    return parseArgs({ args: [...argv], options: cliOptions, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const typed = /Unknown option '([^']+)'/.exec(message)?.[1] ?? '';
      const guess = suggestFlag(typed.replace(/^-+/, ''), Object.keys(cliOptions));
      const hint = guess === undefined ? 'Run moonshot-mock --help for the list.' : `Did you mean --${guess}?`;
      throw new CliUsageError(`Unknown option '${typed}'. ${hint}`);
    }
    if (code?.startsWith('ERR_PARSE_ARGS')) throw new CliUsageError(message.split('\n')[0]!);
    throw err;
  }
}
