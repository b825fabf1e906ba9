import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's source entry, run through tsx (the package runs the same code compiled, from dist/bin.js). */
const bin = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

/** Runs the CLI; resolves with its output once it exits, or once `until` matches stdout (then it is still running). */
export function run(args: string[], env: Record<string, string> = {}, until?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = until && until.exec(stdout);
      if (match) resolve(match[1]!);
    });
    exited.then(() => reject(new Error(`exited early: ${stderr}`)));
  });
  ready.catch(() => {}); // only awaited by tests that expect the server to come up
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

/** Matches the CLI's ready line and captures the base URL. */
export const listening = /moonshot-mock listening on (http:\/\/127\.0\.0\.1:\d+\/v1)[ \n]/;
