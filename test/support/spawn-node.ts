import { spawn, type ChildProcess } from 'node:child_process';

/** A child process in its own process group, with its output collected. */
export interface NodeChild {
  child: ChildProcess;
  /** Resolves when it exits: the exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): { stdout: string; stderr: string };
  /** Resolves with the first match of `pattern` in stdout (capture 1), rejects if the child exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Kills the whole process group (SIGKILL unless told); safe to call when it is already gone. */
  kill(signal?: NodeJS.Signals): void;
}

interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Spawns `node ...args` detached (so `kill` reaches its whole group); call `kill()` in a finally. */
export function spawnNode(args: readonly string[], options: SpawnOptions = {}): NodeChild {
  return spawnDetached(process.execPath, args, options);
}

/** Spawns any command the way {@link spawnNode} spawns node. */
export function spawnDetached(command: string, args: readonly string[], options: SpawnOptions = {}): NodeChild {
  const child = spawn(command, args, {
    cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) resolve(match[1] ?? match[0]);
        };
        child.stdout!.on('data', check);
        check();
        void exited.then(() => reject(new Error(`exited before printing ${pattern}: ${stderr}`)));
      }),
    kill: (signal = 'SIGKILL') => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
  };
}

/** Resolves `exited`, or kills the child and resolves `{ code: null, signal: 'SIGKILL' }` after `ms`. */
export async function exitWithin(node: NodeChild, ms: number) {
  const timer = setTimeout(() => node.kill(), ms);
  try {
    return await node.exited;
  } finally {
    clearTimeout(timer);
  }
}
