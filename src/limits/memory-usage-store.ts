import type { Clock } from '../clock.ts';
import type { RunState, UserUsage } from '../state/run-state.ts';
import { createSlidingWindow } from '../state/sliding-window.ts';
import type { UsageFigures, UsageStore } from './usage-store.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

function figures(usage: UserUsage): UsageFigures {
  return {
    inFlight: usage.inFlight,
    requestsLastMinute: usage.requests.total(),
    tokensLastMinute: usage.minuteTokens.total(),
    tokensLastDay: usage.dayTokens ? usage.dayTokens.total() : null,
    msUntilRequestRoom: (limit) => usage.requests.msUntilRoom(1, limit),
  };
}

/**
 * The usage store of one process, kept in the app's run state (so `reset()` empties it) over `clock`.
 * A slot admitted before a reset is not given back after it.
 */
export function createMemoryUsageStore(state: Pick<RunState, 'usage' | 'epoch'>, clock: Clock): UsageStore {
  const usageOf = (user: string, keepDay: boolean): UserUsage => {
    let usage = state.usage.get(user);
    if (!usage) {
      usage = {
        inFlight: 0,
        requests: createSlidingWindow(MINUTE_MS, clock),
        minuteTokens: createSlidingWindow(MINUTE_MS, clock),
        dayTokens: keepDay ? createSlidingWindow(DAY_MS, clock) : undefined,
      };
      state.usage.set(user, usage);
    }
    return usage;
  };
  return {
    async tryAdmit(user, tokens, keepDay, decide) {
      const usage = usageOf(user, keepDay);
      const error = decide(figures(usage));
      if (error) return { ok: false, error };
      usage.requests.add(1);
      usage.minuteTokens.add(tokens);
      usage.dayTokens?.add(tokens);
      usage.inFlight++;
      const admittedIn = state.epoch;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          if (admittedIn === state.epoch) usage.inFlight--;
        },
      };
    },
    async read(user, keepDay) {
      return figures(usageOf(user, keepDay));
    },
  };
}
