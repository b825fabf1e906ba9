/** The only source of time in the emulator. Inject a fake in tests so nothing sleeps for real. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that can be moved by hand; `advance` never goes backwards. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that starts at `startMs` and only moves when told to. */
export function createManualClock(startMs: number): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      if (ms > 0) current += ms;
    },
    set(ms) {
      current = ms;
    },
  };
}
