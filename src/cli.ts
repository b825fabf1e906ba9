import { readFileSync } from 'node:fs';
import { parseCliArgs, usage } from './cli/parse-cli-args.ts';

/** The package version, from the package.json one folder up (the same from src/ and dist/). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Runs the command line: prints help or the version, or serves until SIGINT/SIGTERM. Rejects with a
 * CliUsageError, ConfigError or FixtureError for bad input, or with the listen error (EADDRINUSE, ...).
 */
export async function main(argv: readonly string[]): Promise<void> {
  const flags = parseCliArgs(argv);
  if (flags.help) return void console.log(usage);
  if (flags.version) return void console.log(packageVersion());
  const { serveFromCli } = await import('./cli/serve-from-cli.ts');
  await serveFromCli(flags);
}

const listenErrors: Record<string, string> = {
  EADDRINUSE: 'the address is already in use', EACCES: 'permission denied', EADDRNOTAVAIL: 'the address is not available here',
};

/** Prints a failed `main` as one line and exits: 1 when the server cannot listen, 2 for bad input; rethrows anything else. */
export function reportCliError(err: unknown): void {
  const { code, address, port, name } = err as { code?: string; address?: string; port?: number; name?: string };
  if (code !== undefined && code in listenErrors) {
    console.error(`moonshot-mock: Failed to listen on ${address}:${port}: ${listenErrors[code]}. Pass another --port (0 takes a free one) or --host.`);
    process.exit(1);
  }
  if (name !== 'CliUsageError' && name !== 'ConfigError' && name !== 'FixtureError') throw err;
  console.error(`moonshot-mock: ${(err as Error).message}`);
  process.exit(2);
}
