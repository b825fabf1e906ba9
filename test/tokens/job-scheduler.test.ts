import { describe, expect, it } from 'vitest';
import { JobScheduler, type SlicedJob } from '../../src/tokens/job-scheduler.ts';

/** A job needing `units` calls of advance(), each doing one unit whatever the deadline. */
function unitJob(units: number): SlicedJob & { calls: number } {
  return {
    calls: 0,
    get remaining() {
      return units - this.calls;
    },
    advance() {
      this.calls++;
      return this.calls >= units;
    },
  };
}

function runScheduler(setup: (scheduler: JobScheduler<SlicedJob>) => void): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const finished: number[] = [];
    const scheduler = new JobScheduler<SlicedJob>(
      {
        done: (id) => {
          finished.push(id);
          if (scheduler.size === 0) resolve(finished);
        },
        failed: (_id, error) => reject(error),
      },
      // A zero-length slice: every slice advances exactly one job once, then yields.
      0,
    );
    setup(scheduler);
  });
}

describe('JobScheduler', () => {
  it('always advances the job with the least remaining work', async () => {
    const finished = await runScheduler((scheduler) => {
      scheduler.add(1, unitJob(50));
      scheduler.add(2, unitJob(5));
      scheduler.add(3, unitJob(20));
    });
    expect(finished).toEqual([2, 3, 1]);
  });

  it('lets a job added while a big one runs overtake it', async () => {
    const finished = await runScheduler((scheduler) => {
      scheduler.add(1, unitJob(40));
      setImmediate(() => setImmediate(() => scheduler.add(2, unitJob(3))));
    });
    expect(finished).toEqual([2, 1]);
  });

  it('drops cancelled jobs without calling back', async () => {
    const finished = await runScheduler((scheduler) => {
      scheduler.add(1, unitJob(10));
      scheduler.add(2, unitJob(30));
      scheduler.add(3, unitJob(20));
      scheduler.cancel(3);
    });
    expect(finished).toEqual([1, 2]);
  });

  it('reports a throwing job as failed and keeps running the others', async () => {
    const failures: number[] = [];
    const finished = await new Promise<number[]>((resolve) => {
      const done: number[] = [];
      const scheduler = new JobScheduler<SlicedJob>({
        done: (id) => {
          done.push(id);
          if (scheduler.size === 0) resolve(done);
        },
        failed: (id) => failures.push(id),
      });
      scheduler.add(1, { remaining: 1, advance: () => { throw new Error('boom'); } });
      scheduler.add(2, unitJob(2));
    });
    expect(failures).toEqual([1]);
    expect(finished).toEqual([2]);
  });
});
