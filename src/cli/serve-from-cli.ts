import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CliFlags } from './parse-cli-args.ts';
import { ConfigError, parseConfig, type Config } from '../config.ts';
import { startServer } from '../server.ts';

/** The flags that set a config option of the same name. */
const plainFlags = { port: 'port', host: 'host', seed: 'seed', unmatched: 'unmatched', tier: 'tier' } as const;

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`Failed to read --config ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text); // YAML is a superset of JSON, so one parser serves both
  } catch (err) {
    throw new ConfigError(`Failed to parse --config ${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`--config ${path} must hold an object of options`);
  return data as Record<string, unknown>;
}

/** The record options given by flags, over those of the config file. */
function recordOptions(flags: CliFlags, file: Record<string, unknown>): Record<string, unknown> {
  const modes = [flags.record !== undefined && '--record', flags['record-all'] !== undefined && '--record-all', flags.proxy && '--proxy'].filter(Boolean);
  if (modes.length > 1) throw new ConfigError(`${modes.join(' and ')} exclude each other: pick one mode`);
  const fromFile = (file.record ?? {}) as Record<string, unknown>;
  const record: Record<string, unknown> = { ...fromFile };
  if (flags.record !== undefined) Object.assign(record, { mode: 'record', dir: flags.record });
  if (flags['record-all'] !== undefined) Object.assign(record, { mode: 'record-all', dir: flags['record-all'] });
  if (flags.proxy) record.mode = 'proxy';
  if (flags.upstream !== undefined) record.upstream = flags.upstream;
  const out: Record<string, unknown> = {};
  if (Object.keys(record).length > 0) {
    if (file.record === undefined && modes.length === 0) throw new ConfigError('--upstream needs a mode: --record DIR, --record-all DIR or --proxy');
    out.record = record;
  }
  if (flags['redact-header']) {
    const redact = (file.redact ?? {}) as { headers?: string[] };
    out.redact = { ...redact, headers: [...(redact.headers ?? []), ...flags['redact-header']] };
  }
  if (flags['allow-remote']) out.allowRemote = true;
  return out;
}

/** Merges flags > $PORT > config file > defaults into one parsed config, naming a bad option as the user wrote it. */
export function configFromCli(flags: CliFlags, env: NodeJS.ProcessEnv = process.env): Config {
  const file = flags.config === undefined ? {} : readConfigFile(flags.config);
  const merged: Record<string, unknown> = { ...file };
  // Fixture paths in a config file are relative to that file; on the command line, to the cwd.
  if (flags.config !== undefined && Array.isArray(file.fixtures)) {
    const base = dirname(resolve(flags.config));
    merged.fixtures = file.fixtures.map((entry: unknown) => (typeof entry === 'string' ? resolve(base, entry) : entry));
  }
  const fileRecord = file.record as { dir?: unknown } | undefined;
  if (flags.config !== undefined && typeof fileRecord?.dir === 'string') {
    merged.record = { ...fileRecord, dir: resolve(dirname(resolve(flags.config)), fileRecord.dir) };
  }
  if (flags.fixtures) merged.fixtures = [...((merged.fixtures as unknown[] | undefined) ?? []), ...flags.fixtures];
  if (flags.watch) merged.watch = true;
  const allowed = flags['allowed-hosts']?.flatMap((list) => list.split(',')).map((name) => name.trim()).filter(Boolean);
  if (allowed) merged.allowedHosts = [...((merged.allowedHosts as string[] | undefined) ?? []), ...allowed];
  if (flags['log-requests']) merged.logRequests = true;
  if (flags['no-prefix-cache']) merged.prefixCache = false;
  if (flags['api-date'] !== undefined) merged.apiDate = flags['api-date'];
  Object.assign(merged, recordOptions(flags, merged));
  if (env.PORT) merged.port = env.PORT;
  for (const key of Object.keys(plainFlags) as Array<keyof typeof plainFlags>) if (flags[key] !== undefined) merged[key] = flags[key];
  const fromFlag = (path: string): string => {
    if (path in plainFlags && flags[path as keyof typeof plainFlags] !== undefined) return `--${path}`;
    if (path.startsWith('fixtures') && flags.fixtures) return '--fixtures';
    if (path.startsWith('allowedHosts') && flags['allowed-hosts']) return '--allowed-hosts';
    if (path === 'apiDate' && flags['api-date'] !== undefined) return '--api-date';
    if (path === 'record.upstream' && flags.upstream !== undefined) return '--upstream';
    return path === 'port' && env.PORT ? 'PORT' : path;
  };
  return parseConfig(merged, fromFlag);
}

/** "rate limits off", "rate limits of Tier1" or "custom rate limits". */
function describeLimits(config: Config): string {
  if (config.tier !== undefined && config.limits === undefined && config.users === undefined) return `rate limits of ${config.tier}`;
  return config.tier === undefined && config.limits === undefined && config.users === undefined ? 'rate limits off' : 'custom rate limits';
}

/**
 * Serves what the flags ask for until SIGINT or SIGTERM (either one closes the server, removes the pid and
 * ready files and exits 0; a second signal exits at once). Prints one line once listening: the base URL,
 * how many models and fixtures are loaded, and the rate limits.
 */
export async function serveFromCli(flags: CliFlags): Promise<void> {
  const config = configFromCli(flags);
  const files = [flags['pid-file'], flags['ready-file']].filter((file) => file !== undefined);
  const removeFiles = (): void => files.forEach((file) => rmSync(file, { force: true }));
  if (flags['pid-file'] !== undefined) writeFileSync(flags['pid-file'], `${process.pid}\n`);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (err) {
    removeFiles();
    throw err;
  }
  const stop = (): void => {
    server.close().finally(() => {
      removeFiles();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (flags['ready-file'] !== undefined) writeFileSync(flags['ready-file'], `${server.baseURL}\n`);
  const { models, fixtures } = server.loaded;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`moonshot-mock listening on ${server.baseURL} (${plural(models, 'model')}, ${plural(fixtures, 'fixture')}, ${describeLimits(config)})`);
}
