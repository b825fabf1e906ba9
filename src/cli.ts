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
  --seed N              seed for ids and generated text (default 0)
  --config FILE         JSON or YAML file with any option of the config schema
  --fixtures PATH       fixture file or folder (repeatable)
  --unmatched MODE      generate | error (default: error with fixtures, generate without)
  --watch               reload fixture files when they change
  --tier TIER           turn on Moonshot's rate limiter at Tier0..Tier5
  --data-dir DIR        keep uploaded files and balances in DIR across restarts
  --balance USD         every user's starting balance (default 100)
  --help                show this help`;

/** The CLI flags, as zod paths of the config schema. */
const flags = {
  port: 'port', host: 'host', seed: 'seed', unmatched: 'unmatched', tier: 'tier', 'data-dir': 'dataDir', balance: 'balance',
} as const;

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

/** Reads argv, env and the config file (flags > $PORT > file > defaults), starts the server, handles signals. */
export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' }, unmatched: { type: 'string' }, tier: { type: 'string' },
      'data-dir': { type: 'string' }, balance: { type: 'string' },
      config: { type: 'string' }, fixtures: { type: 'string', multiple: true }, watch: { type: 'boolean' },
      help: { type: 'boolean' },
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
  if (values.fixtures) merged.fixtures = [...((merged.fixtures as unknown[] | undefined) ?? []), ...values.fixtures];
  if (values.watch) merged.watch = true;
  if (process.env.PORT) merged.port = process.env.PORT;
  for (const key of Object.keys(flags) as Array<keyof typeof flags>) if (values[key] !== undefined) merged[flags[key]] = values[key];
  const fromFlag = (path: string): string => {
    const flag = (Object.keys(flags) as Array<keyof typeof flags>).find((key) => flags[key] === path.split('.')[0]);
    if (flag && values[flag] !== undefined) return `--${flag}`;
    if (path.startsWith('fixtures') && values.fixtures) return '--fixtures';
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
