import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ConfigError, parseConfig } from './config.ts';
import { FixtureError } from './fixtures/fixture-error.ts';
import { logToStderr } from './app.ts';
import { startServer } from './server.ts';

const usage = `Usage: moonshot-mock [--port N] [--host H] [--seed N] [--config FILE] [--fixtures PATH]...

  --port N              port to listen on (0 = any free port; default 4000, or $PORT)
  --host H              interface to bind (default 127.0.0.1)
  --allowed-hosts NAMES Host names served besides loopback ones, comma-separated (* = any)
  --seed N              seed for ids and generated text (default 0)
  --config FILE         JSON or YAML file with any option of the config schema
  --fixtures PATH       fixture file or folder (repeatable)
  --unmatched MODE      generate | error (default: error with fixtures, generate without)
  --watch               reload fixture files when they change
  --tier TIER           turn on Moonshot's rate limiter at Tier0..Tier5
  --record DIR          forward unmatched requests upstream and write fixtures for them to DIR
  --record-all DIR      forward every request upstream, re-recording matched ones in place
  --proxy               forward unmatched requests upstream, write nothing
  --upstream URL        where to forward (default https://api.moonshot.ai/v1)
  --redact-header NAME  also keep this header's value out of fixtures and logs (repeatable)
  --allow-remote        let record and proxy modes listen on a non-loopback --host
  --help                show this help`;

/** The CLI flags, as zod paths of the config schema. */
const flags = { port: 'port', host: 'host', seed: 'seed', unmatched: 'unmatched', tier: 'tier' } as const;

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
function recordOptions(
  values: { record?: string; 'record-all'?: string; proxy?: boolean; upstream?: string; 'redact-header'?: string[]; 'allow-remote'?: boolean },
  file: Record<string, unknown>,
): Record<string, unknown> {
  const modes = [values.record !== undefined && '--record', values['record-all'] !== undefined && '--record-all', values.proxy && '--proxy'].filter(Boolean);
  if (modes.length > 1) throw new ConfigError(`${modes.join(' and ')} exclude each other: pick one mode`);
  const fromFile = (file.record ?? {}) as Record<string, unknown>;
  const record: Record<string, unknown> = { ...fromFile };
  if (values.record !== undefined) Object.assign(record, { mode: 'record', dir: values.record });
  if (values['record-all'] !== undefined) Object.assign(record, { mode: 'record-all', dir: values['record-all'] });
  if (values.proxy) record.mode = 'proxy';
  if (values.upstream !== undefined) record.upstream = values.upstream;
  const out: Record<string, unknown> = {};
  if (Object.keys(record).length > 0) {
    if (file.record === undefined && modes.length === 0) throw new ConfigError('--upstream needs a mode: --record DIR, --record-all DIR or --proxy');
    out.record = record;
  }
  if (values['redact-header']) {
    const redact = (file.redact ?? {}) as { headers?: string[] };
    out.redact = { ...redact, headers: [...(redact.headers ?? []), ...values['redact-header']] };
  }
  if (values['allow-remote']) out.allowRemote = true;
  return out;
}

/** Reads argv, env and the config file (flags > $PORT > file > defaults), starts the server, handles signals. */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' }, unmatched: { type: 'string' }, tier: { type: 'string' },
      'allowed-hosts': { type: 'string', multiple: true },
      config: { type: 'string' }, fixtures: { type: 'string', multiple: true }, watch: { type: 'boolean' },
      help: { type: 'boolean' },
      record: { type: 'string' }, 'record-all': { type: 'string' }, proxy: { type: 'boolean' }, upstream: { type: 'string' },
      'redact-header': { type: 'string', multiple: true }, 'allow-remote': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const file = values.config === undefined ? {} : readConfigFile(values.config);
  const merged: Record<string, unknown> = { ...file };
  // Fixture paths in a config file are relative to that file; on the command line, to the cwd.
  if (values.config !== undefined && Array.isArray(file.fixtures)) {
    const base = dirname(resolve(values.config));
    merged.fixtures = file.fixtures.map((entry: unknown) => (typeof entry === 'string' ? resolve(base, entry) : entry));
  }
  const fileRecord = file.record as { dir?: unknown } | undefined;
  if (values.config !== undefined && typeof fileRecord?.dir === 'string') {
    merged.record = { ...fileRecord, dir: resolve(dirname(resolve(values.config)), fileRecord.dir) };
  }
  if (values.fixtures) merged.fixtures = [...((merged.fixtures as unknown[] | undefined) ?? []), ...values.fixtures];
  if (values.watch) merged.watch = true;
  const allowed = values['allowed-hosts']?.flatMap((list) => list.split(',')).map((name) => name.trim()).filter(Boolean);
  if (allowed) merged.allowedHosts = [...((merged.allowedHosts as string[] | undefined) ?? []), ...allowed];
  Object.assign(merged, recordOptions(values, merged));
  if (process.env.PORT) merged.port = process.env.PORT;
  for (const key of Object.keys(flags) as Array<keyof typeof flags>) if (values[key] !== undefined) merged[key] = values[key];
  const fromFlag = (path: string): string => {
    if (path in flags && values[path as keyof typeof flags] !== undefined) return `--${path}`;
    if (path.startsWith('fixtures') && values.fixtures) return '--fixtures';
    if (path.startsWith('allowedHosts') && values['allowed-hosts']) return '--allowed-hosts';
    if (path === 'record.upstream' && values.upstream !== undefined) return '--upstream';
    return path === 'port' && process.env.PORT ? 'PORT' : path;
  };
  const options = parseConfig(merged, fromFlag);
  const started = startServer(options);
  const stop = (): void => {
    started.then((server) => server.close()).then(() => process.exit(0), () => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`moonshot-mock listening on ${(await started).baseURL}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const { code, address, port } = err as { code?: string; address?: string; port?: number };
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    const why = { EADDRINUSE: 'the address is already in use', EACCES: 'permission denied', EADDRNOTAVAIL: 'the address is not available here' }[code];
    logToStderr(`moonshot-mock: Failed to listen on ${address}:${port}: ${why}. Pass another --port (0 takes a free one) or --host.`);
    process.exit(1);
  }
  const isUsage =
    err instanceof ConfigError || err instanceof FixtureError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (!isUsage) throw err;
  logToStderr(`moonshot-mock: ${(err as Error).message}`);
  process.exit(2);
});
