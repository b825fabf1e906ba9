import { createRandom, type Random } from '../random.ts';
import { createIdSource, type IdSource } from './id-source.ts';
import type { SlidingWindow } from './sliding-window.ts';

/** How often a fixture has been used since the last reset. */
export interface FixtureUse {
  /** Requests it matched, faulted or not: its fault's `when` window counts these. */
  matched: number;
  /** Replies it served: its `replies` sequence moves on these (a faulted call serves none). */
  served: number;
}

/** One rate-limited user's usage: slots held, and what its windows remember. */
export interface UserUsage {
  inFlight: number;
  requests: SlidingWindow;
  minuteTokens: SlidingWindow;
  /** Kept only when TPD is limited. */
  dayTokens: SlidingWindow | undefined;
}

/** A prompt the prefix cache remembers: its token count and when it is forgotten. */
export interface CachedPrompt {
  tokens: number;
  expiresAt: number;
}

/**
 * Everything one app accumulates while it runs, in one resettable owner: fixture uses, fault
 * counters and their seeded chance, the id sequence, rate-limit usage, cached prompts, the clock offset. Fixture sets
 * hold definitions only. A namespace would be one more of these.
 */
export interface RunState {
  /** Uses of each fixture, by name; absent means unused. */
  readonly fixtureUses: Map<string, FixtureUse>;
  /** The use record of a fixture, created at zero on first use; mutate its counts in place. */
  useOf(name: string): FixtureUse;
  /** Replies served by each fixture, read the way fixture matching reads them. */
  readonly served: { get(name: string): number | undefined };
  /** Requests each server-wide fault applied to, by its index in the config. */
  readonly configFaultCalls: number[];
  /** The seeded chance of `probability` windows: its own stream, so faults never shift generated text. */
  readonly faultRandom: Random;
  /** Request ids and completion suffixes, in request order from the seed. */
  readonly ids: IdSource;
  /** Rate-limit usage by user (organisation). */
  readonly usage: Map<string, UserUsage>;
  /** Prompts seen lately, by digest (see `createPrefixCache`), in last-seen order. */
  readonly prefixPrompts: Map<string, CachedPrompt>;
  /**
   * What record mode got back this run for each recorded fixture name, oldest first (shaped by
   * record/record-outcome.ts): a request recorded again is written from all of them.
   */
  readonly recordings: Map<string, unknown[]>;
  /** How far `POST /_mock/clock` has moved the app clock, in milliseconds. */
  clockOffsetMs: number;
  /** +1 on each reset, so a slot admitted before a reset is not released twice. */
  readonly epoch: number;
  /** Forgets everything above: uses, counters and recordings empty, random streams back at the seed, offset 0. */
  reset(): void;
  /** Forgets the uses of these fixtures (a reload changed or removed them), so they start over. */
  forgetFixtures(names: Iterable<string>): void;
}

/** Creates the state of one app, seeded by `seed`. */
export function createRunState(seed: number): RunState {
  let faultRandom = createRandom(`faults|${seed}`);
  let ids = createIdSource(seed);
  let epoch = 0;
  const fixtureUses = new Map<string, FixtureUse>();
  const configFaultCalls: number[] = [];
  const usage = new Map<string, UserUsage>();
  const prefixPrompts = new Map<string, CachedPrompt>();
  const recordings = new Map<string, unknown[]>();
  return {
    fixtureUses,
    useOf(name) {
      let use = fixtureUses.get(name);
      if (!use) fixtureUses.set(name, (use = { matched: 0, served: 0 }));
      return use;
    },
    served: { get: (name) => fixtureUses.get(name)?.served },
    configFaultCalls,
    usage,
    prefixPrompts,
    recordings,
    clockOffsetMs: 0,
    get faultRandom() {
      return faultRandom;
    },
    get ids() {
      return ids;
    },
    get epoch() {
      return epoch;
    },
    reset() {
      fixtureUses.clear();
      configFaultCalls.length = 0;
      usage.clear();
      prefixPrompts.clear();
      recordings.clear();
      faultRandom = createRandom(`faults|${seed}`);
      ids = createIdSource(seed);
      this.clockOffsetMs = 0;
      epoch++;
    },
    forgetFixtures(names) {
      for (const name of names) fixtureUses.delete(name);
    },
  };
}
