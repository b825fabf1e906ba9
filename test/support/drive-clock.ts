import type { ManualClock } from '../../src/index.ts';

/** Lets pending promises, worker replies and I/O run until `done()` holds or many turns pass; returns `done()`. */
export async function settle(done: () => boolean, turns = 5_000): Promise<boolean> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  return done();
}

/**
 * Polls `read` and, while `reached` does not hold, waits for something to sleep on the manual clock
 * and moves it `stepMs`: a background job that sleeps between steps (a batch) moves one step each
 * time. Resolves with the first value that `reached` accepts.
 */
export async function driveUntil<T>(clock: ManualClock, stepMs: number, read: () => Promise<T>, reached: (value: T) => boolean, maxSteps = 5_000): Promise<T> {
  for (let step = 0; step < maxSteps; step++) {
    const value = await read();
    if (reached(value)) return value;
    if (await settle(() => clock.pending() > 0)) clock.advance(stepMs);
  }
  throw new Error(`driveUntil: not reached after ${maxSteps} steps`);
}
