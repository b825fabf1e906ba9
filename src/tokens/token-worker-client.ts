import { Worker } from 'node:worker_threads';
import type { TokenWorkerData, TokenWorkerRequest, TokenWorkerResponse } from './token-worker-protocol.ts';

/**
 * The worker's entry: the compiled token-worker-main.js next to this file in the built package, or, when
 * this module runs from its `.ts` source (vitest, tsx), the plain-JS shim that registers tsx in the thread.
 * In the bundled CLI (dist/cli/serve-from-cli.js) this code runs from the bundle, and the build writes the
 * worker's own bundle beside it under the same name (see `bundle` in package.json).
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './token-worker.js' : './token-worker-main.js', import.meta.url);

/**
 * Node options a worker accepts that bear on loading its code (module hooks, conditions, warnings,
 * source maps). A worker inherits `process.execArgv`, and refuses to start on a V8 or process-wide
 * option (`--max-old-space-size`, `--trace-gc`, `--title`: ERR_WORKER_INVALID_EXEC_ARGV) or on
 * `--input-type` (ERR_INPUT_TYPE_NOT_ALLOWED), so only these are passed on.
 */
const WORKER_OPTIONS = /^(--import|--require|-r|--loader|--experimental-loader|--conditions|-C|--experimental-[a-z-]+|--no-experimental-[a-z-]+|--enable-source-maps|--no-warnings|--disable-warning|--trace-warnings|--no-deprecation|--trace-deprecation|--preserve-symlinks)$/;
/** Of those, the ones that take their value as the next argument when it is not joined with `=`. */
const TAKES_VALUE = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C', '--disable-warning']);

/** The parent's Node options that the token worker may be started with (see WORKER_OPTIONS). */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const name = arg.split('=', 1)[0]!;
    const separateValue = TAKES_VALUE.has(name) && !arg.includes('=') && i + 1 < execArgv.length;
    if (WORKER_OPTIONS.test(name)) {
      kept.push(arg);
      if (separateValue) kept.push(execArgv[i + 1]!);
    }
    if (separateValue) i++;
  }
  return kept;
}

/** What the worker answers for a count: `exact` is false if it stopped early (see TokenWorkerRequest). */
export interface WorkerCounts {
  readonly counts: number[];
  readonly exact: boolean;
}

interface PendingCount {
  readonly resolve: (result: WorkerCounts) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/** The AbortError to reject with: the signal's reason if it is one, else a new DOMException "AbortError". */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Main-thread handle of one token worker thread. The worker is unref()ed, so it never keeps the process
 * alive on its own; it is ref()ed only while counts are pending (someone awaits them) or while a caller
 * waits for {@link ready} via {@link holdUntilReady}. If the worker dies (crash, load failure, terminate),
 * `ready` and every pending count reject with the cause, later counts reject at once, and `onDead` is called
 * once so the owner can spawn a fresh client.
 */
export class TokenWorkerClient {
  /** Resolves when the worker has loaded its rank table; rejects if it dies first (never unhandled). */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, PendingCount>();
  private nextId = 1;
  private loaded = false;
  private holdingForReady = false;
  private referenced = false;
  private death: Error | null = null;
  private markReady!: () => void;
  private failReady!: (error: Error) => void;

  constructor(data: TokenWorkerData, private readonly onDead: (client: TokenWorkerClient) => void) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.failReady = reject;
    });
    this.ready.catch(() => {}); // a rejection nobody awaits must not crash the process
    // A small young generation makes V8 collect the worker's multi-megabyte garbage (received texts, merge
    // buffers) much sooner: measured RSS after a series of 1 MB jobs ~160 MB instead of ~230 MB.
    this.worker = new Worker(WORKER_ENTRY, {
      workerData: data, execArgv: workerExecArgv(process.execArgv), resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    this.worker.on('message', (message: TokenWorkerResponse) => this.receive(message));
    this.worker.on('error', (error) => this.die(error));
    this.worker.on('messageerror', (error) => this.die(error));
    this.worker.on('exit', (code) => this.die(new Error(`token worker exited (code ${code})`)));
    // After the listeners: adding the first 'message' listener refs the worker's message port again.
    this.worker.unref();
  }

  /** True once the worker has died or been terminated; such a client only rejects. */
  get dead(): boolean {
    return this.death !== null;
  }

  /** Keeps the process alive until the worker is ready (or dead), for callers that await `ready` alone. */
  holdUntilReady(): void {
    this.holdingForReady = true;
    this.updateRef();
  }

  /**
   * Counts `texts` in the worker (one count per text, in order), stopping early once the total is
   * certainly above `stopAbove` (then `exact` is false and the counts are lower bounds). Rejects with an
   * AbortError as soon as `signal` aborts (the worker drops the job), or with the worker's death cause.
   */
  count(texts: readonly string[], signal?: AbortSignal, stopAbove?: number): Promise<WorkerCounts> {
    if (this.death !== null) return Promise.reject(this.death);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const id = this.nextId++;
    return new Promise<WorkerCounts>((resolve, reject) => {
      const onAbort = (): void => {
        if (!this.pending.delete(id)) return;
        this.post({ type: 'cancel', id });
        this.updateRef();
        reject(abortError(signal as AbortSignal));
      };
      this.pending.set(id, { resolve, reject, signal, onAbort });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.updateRef();
      this.post({ type: 'count', id, texts, stopAbove });
    });
  }

  /** Stops the worker: `ready` (if pending) and pending counts reject with `reason`. Idempotent. */
  async terminate(reason: Error): Promise<void> {
    this.die(reason);
    await this.worker.terminate();
  }

  private receive(message: TokenWorkerResponse): void {
    switch (message.type) {
      case 'ready':
        this.loaded = true;
        this.updateRef();
        this.markReady();
        return;
      case 'load-failed':
        void this.terminate(new Error(`token worker could not load its rank table: ${message.message}`));
        return;
      case 'counts':
        this.settle(message.id)?.resolve({ counts: [...message.counts], exact: message.exact });
        return;
      case 'failed':
        this.settle(message.id)?.reject(new Error(`token worker failed a job: ${message.message}`));
        return;
    }
  }

  private settle(id: number): PendingCount | undefined {
    const entry = this.pending.get(id);
    if (entry === undefined) return undefined;
    this.pending.delete(id);
    entry.signal?.removeEventListener('abort', entry.onAbort);
    this.updateRef();
    return entry;
  }

  private die(cause: Error): void {
    if (this.death !== null) return;
    this.death = cause;
    this.failReady(cause);
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(cause);
    this.updateRef();
    this.onDead(this);
  }

  private post(message: TokenWorkerRequest): void {
    this.worker.postMessage(message);
  }

  private updateRef(): void {
    const wanted = this.death === null && (this.pending.size > 0 || (this.holdingForReady && !this.loaded));
    if (wanted === this.referenced) return;
    this.referenced = wanted;
    if (wanted) this.worker.ref();
    else this.worker.unref();
  }
}
