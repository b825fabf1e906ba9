import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ConfigError, parseConfig } from './config.ts';
import { startServer } from './server.ts';

const usage = `Usage: moonshot-mock [--port N] [--host H] [--seed N] [--config FILE]

  --port N       port to listen on (0 = any free port; default 4000, or $PORT)
  --host H       interface to bind (default 127.0.0.1)
  --seed N       seed for ids and generated text (default 0)
  --config FILE  JSON or YAML file with any option of the config schema
  --help         show this help`;

/** The CLI flags, as zod paths of the config schema. */
const flags = { port: 'port', host: 'host', seed: 'seed' } as const;

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
      port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' },
      config: { type: 'string' }, help: { type: 'boolean' },
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
  if (process.env.PORT) merged.port = process.env.PORT;
  for (const key of Object.keys(flags) as Array<keyof typeof flags>) if (values[key] !== undefined) merged[key] = values[key];
  const fromFlag = (path: string): string => {
    if (path in flags && values[path as keyof typeof flags] !== undefined) return `--${path}`;
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
  const isUsage = err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (!isUsage) throw err;
  console.error(`moonshot-mock: ${(err as Error).message}`);
  process.exit(2);
});
