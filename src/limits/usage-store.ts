import type { ErrorKind } from '../errors/error-kind.ts';

/** A user's usage as the admission decision reads it. */
export interface UsageFigures {
  inFlight: number;
  requestsLastMinute: number;
  tokensLastMinute: number;
  /** `null` when the store keeps no day window for the user (TPD unlimited). */
  tokensLastDay: number | null;
  /** Milliseconds until `requestsLastMinute + 1 <= limit`. */
  msUntilRequestRoom(limit: number): number;
}

/** The outcome of `tryAdmit`: a slot to release when the response ends, or why not. */
export type Admission = { ok: true; release: () => void } | { ok: false; error: ErrorKind };

/**
 * Where rate-limit usage lives: in memory now (`createMemoryUsageStore`); a store shared by several
 * instances implements the same interface, so the limiter and the route do not change.
 */
export interface UsageStore {
  /**
   * As one step (so two requests never both take the last slot): reads `user`'s usage, asks `decide`,
   * and if it returns no error records one request of `tokens` tokens and takes a concurrency slot.
   * `keepDay` says whether a day window is kept for the user.
   */
  tryAdmit(user: string, tokens: number, keepDay: boolean, decide: (usage: UsageFigures) => ErrorKind | undefined): Promise<Admission>;
  /** The user's usage now (all zeros if it has none). */
  read(user: string, keepDay: boolean): Promise<UsageFigures>;
}
