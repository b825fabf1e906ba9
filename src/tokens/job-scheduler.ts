import { setImmediate } from 'node:timers';

/** A unit of work that can be advanced in bounded slices. */
export interface SlicedJob {
  /** Rough work left; the scheduler always advances the job with the least. */
  readonly remaining: number;
  /** Works until done or past `deadline` (performance.now() ms); returns true when done. */
  advance(deadline: number): boolean;
}

/** Callbacks of a {@link JobScheduler}. */
export interface JobSchedulerEvents<J> {
  /** Called once when a job is done (it has left the scheduler). */
  done(id: number, job: J): void;
  /** Called once when a job's advance() threw (it has left the scheduler). */
  failed(id: number, error: unknown): void;
}

/**
 * Cooperative shortest-remaining-first scheduler: runs jobs in slices of about `sliceMs` milliseconds and
 * yields to the event loop (setImmediate) between slices, so newly posted jobs and cancellations are seen
 * within one slice and a small job overtakes a big one already in progress. Idle when it has no jobs.
 */
export class JobScheduler<J extends SlicedJob> {
  private readonly jobs = new Map<number, J>();
  private scheduled = false;

  constructor(private readonly events: JobSchedulerEvents<J>, private readonly sliceMs = 3) {}

  /** Queues a job; an id already queued is replaced. Work starts on a later turn of the event loop. */
  add(id: number, job: J): void {
    this.jobs.set(id, job);
    this.schedule();
  }

  /** Drops a job immediately; unknown ids are ignored. Its callbacks will not be called. */
  cancel(id: number): void {
    this.jobs.delete(id);
  }

  /** Number of queued jobs. */
  get size(): number {
    return this.jobs.size;
  }

  private schedule(): void {
    if (this.scheduled || this.jobs.size === 0) return;
    this.scheduled = true;
    setImmediate(this.runSlice);
  }

  private readonly runSlice = (): void => {
    this.scheduled = false;
    const deadline = performance.now() + this.sliceMs;
    while (this.jobs.size > 0) {
      let bestId = 0;
      let best: J | undefined;
      for (const [id, job] of this.jobs) {
        if (best === undefined || job.remaining < best.remaining) {
          bestId = id;
          best = job;
        }
      }
      if (best === undefined) break;
      let done: boolean;
      try {
        done = best.advance(deadline);
      } catch (error) {
        this.jobs.delete(bestId);
        this.events.failed(bestId, error);
        continue;
      }
      if (done) {
        this.jobs.delete(bestId);
        this.events.done(bestId, best);
      }
      if (performance.now() >= deadline) break;
    }
    this.schedule();
  };
}
