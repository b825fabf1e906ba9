import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's source entry, run through tsx (the package runs the same code compiled, from dist/bin.js). */
const bin = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

/**
 * A timeout for tests that start Node processes: a cold start (tsx, the token worker) takes about a
 * second on an idle machine and many times that on a loaded one, so give it a minute.
 */
export const SPAWN_TIMEOUT_MS = 60_000;

/** CLI processes started and not yet exited. */
const running = new Set<ChildProcess>();

/** Sends SIGKILL to a child's whole process group (it is the group's leader: see `detached`). */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

// If the test process itself goes (a crash, a runner timeout), take the servers with it.
process.once('exit', () => running.forEach(killGroup));

/**
 * Runs the CLI in its own process group; resolves with its output once it exits, or once `until`
 * matches stdout (then it is still running). Call `stopSpawned()` in `afterEach` so nothing outlives its test.
 */
export function run(args: string[], env: Record<string, string> = {}, until?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
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

/** Kills every CLI process still running (its whole process group) and waits until each has exited. */
export async function stopSpawned(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          killGroup(child);
          if (child.exitCode !== null || child.signalCode !== null) resolve();
        }),
    ),
  );
}

/** Matches the CLI's ready line and captures the base URL. */
export const listening = /moonshot-mock listening on (http:\/\/127\.0\.0\.1:\d+\/v1)[ \n]/;
