import { z } from 'zod';

/** The only source of time in the emulator. Inject a fake in tests so nothing sleeps for real. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Resolves after `ms` of this clock's time. Rejects with an AbortError as soon as `signal` aborts,
   * so a delay never outlives the client that waits for it.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Longest delay anything may ask for (fault `delay_ms`/`after_ms`, `ttftMs`, `timeoutMs`, `stallCapMs`): 24 hours. */
export const MAX_DELAY_MS = 24 * 60 * 60 * 1000;
/** Largest step of one `POST /_mock/clock` (`advance_ms`): one year. */
export const MAX_CLOCK_ADVANCE_MS = 365 * MAX_DELAY_MS;
/** The message of a delay past MAX_DELAY_MS (the fixture loader words its own from the maximum). */
export const DELAY_TOO_LONG = `at most ${MAX_DELAY_MS} ms (24 hours)`;
/** A delay in milliseconds of the app clock, 0 to MAX_DELAY_MS (a bigger one is an error, never a silent clamp). */
export const delayMsSchema = z.number().nonnegative().max(MAX_DELAY_MS, DELAY_TOO_LONG);

/** A clock that only moves when told to; sleeps resolve once `advance`/`set` pass their deadline. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
  /** Number of sleeps still waiting. */
  pending(): number;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new DOMException('The operation was aborted', 'AbortError');
}

/** Waits on `start`'s promise unless `signal` aborts first; `stop` releases the underlying timer. */
function abortable(signal: AbortSignal | undefined, start: (resolve: () => void) => () => void): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      stop();
      reject(abortError(signal!));
    };
    const stop = start(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** setTimeout's longest delay; a longer one fires at once with a TimeoutOverflowWarning. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The wall clock. Sleeps longer than setTimeout allows run as a chain of timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    ms <= 0 && !signal?.aborted
      ? Promise.resolve()
      : abortable(signal, (resolve) => {
          let left = ms;
          let timer: NodeJS.Timeout;
          const arm = () => {
            const step = Math.min(left, MAX_TIMER_MS);
            left -= step;
            timer = setTimeout(left > 0 ? arm : resolve, step);
          };
          arm();
          return () => clearTimeout(timer);
        }),
};

/** A clock that starts at `startMs` and only moves when told to. */
export function createManualClock(startMs: number): ManualClock {
  let current = startMs;
  const timers = new Set<{ at: number; fire: () => void }>();
  const settle = () => {
    for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
      if (timer.at > current) break;
      timers.delete(timer);
      timer.fire();
    }
  };
  return {
    now: () => current,
    sleep: (ms, signal) =>
      abortable(signal, (resolve) => {
        const timer = { at: current + Math.max(0, ms), fire: resolve };
        timers.add(timer);
        settle();
        return () => timers.delete(timer);
      }),
    advance(ms) {
      if (ms > 0) current += ms;
      settle();
    },
    set(ms) {
      current = ms;
      settle();
    },
    pending: () => timers.size,
  };
}

/**
 * A clock whose sleeps take no real time: each sleep moves the clock forward by its length and
 * resolves at once. Streams paced by it run at full speed while their timing stays observable.
 */
export function createVirtualClock(startMs: number): Clock {
  let current = startMs;
  return {
    now: () => current,
    sleep: (ms, signal) =>
      abortable(signal, (resolve) => {
        current += Math.max(0, ms);
        queueMicrotask(resolve);
        return () => {};
      }),
  };
}

/** A clock whose time `POST /_mock/clock` can move forward. */
export interface AdjustableClock extends Clock {
  /** Moves time forward by `ms` (negative or zero does nothing). */
  advance(ms: number): void;
}

/**
 * Wraps the app's clock so tests can move time: a manual clock is advanced itself (its sleeps
 * fire); any other clock gets an offset, kept in `offset` (the app's run state, so a reset takes it back), which moves `now()` (rate-limit windows, `created`) but not
 * delays already waiting on the wall clock.
 */
export function createAdjustableClock(base: Clock, offset: { clockOffsetMs: number }): AdjustableClock {
  if ('advance' in base && typeof base.advance === 'function') return base as AdjustableClock;
  return {
    now: () => base.now() + offset.clockOffsetMs,
    sleep: (ms, signal) => base.sleep(ms, signal),
    advance(ms) {
      if (ms > 0) offset.clockOffsetMs += ms;
    },
  };
}

/** `created` in Unix seconds: `fixedTime` (seconds or an ISO date) when given, otherwise the clock's now. */
export function createdSeconds(clock: Clock, fixedTime: number | string | undefined): number {
  if (fixedTime === undefined) return Math.floor(clock.now() / 1000);
  return typeof fixedTime === 'number' ? fixedTime : Math.floor(Date.parse(fixedTime) / 1000);
}
