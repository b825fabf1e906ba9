import type { MessagePort } from 'node:worker_threads';
import { CountJob } from './count-job.ts';
import { JobScheduler } from './job-scheduler.ts';
import { loadRankTable } from './load-rank-table.ts';
import { PieceCounter } from './piece-counter.ts';
import { TokenFloor } from './token-floor.ts';
import type { TokenWorkerData, TokenWorkerRequest, TokenWorkerResponse } from './token-worker-protocol.ts';

/**
 * Body of the token worker thread: listens on `port` at once, loads the rank table, posts `ready` (or
 * `load-failed`), then counts jobs with the shortest-remaining-first slicing scheduler. Requests received
 * while loading are queued; a cancel drops the job wherever it is (queued or half done) without a reply.
 */
export function runTokenWorker(port: MessagePort, data: TokenWorkerData): void {
  const post = (message: TokenWorkerResponse): void => port.postMessage(message);
  const waiting = new Map<number, TokenWorkerRequest & { type: 'count' }>();
  let loaded: { readonly pieces: PieceCounter; readonly floor: TokenFloor; readonly scheduler: JobScheduler<CountJob> } | null = null;
  const jobOf = (request: TokenWorkerRequest & { type: 'count' }) =>
    new CountJob(loaded!.pieces, request.texts, { stopAbove: request.stopAbove, floor: loaded!.floor });

  port.on('message', (request: TokenWorkerRequest) => {
    if (request.type === 'cancel') {
      waiting.delete(request.id);
      loaded?.scheduler.cancel(request.id);
    } else if (loaded === null) {
      waiting.set(request.id, request);
    } else {
      loaded.scheduler.add(request.id, jobOf(request));
    }
  });

  const started = performance.now();
  loadRankTable(data.encoding).then(
    (table) => {
      const pieces = new PieceCounter(table, data.cacheBytes);
      const scheduler = new JobScheduler<CountJob>({
        done: (id, job) => post({ type: 'counts', id, counts: job.counts, exact: job.exact }),
        failed: (id, error) => post({ type: 'failed', id, message: String(error) }),
      });
      loaded = { pieces, floor: new TokenFloor(table), scheduler };
      post({ type: 'ready', loadMs: performance.now() - started });
      for (const [id, request] of waiting) scheduler.add(id, jobOf(request));
      waiting.clear();
    },
    (error: unknown) => post({ type: 'load-failed', message: String(error) }),
  );
}
