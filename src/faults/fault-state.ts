import { createRandom, type Random } from '../random.ts';

/** Per-app fault bookkeeping: the seeded chance source and the call counts `when` windows read. */
export interface FaultState {
  /** Its own stream (not the ids' or the text's), so adding a fault never shifts generated content. */
  readonly random: Random;
  /** Matches of each fixture (faulted or not), by fixture name. */
  readonly fixtureMatches: Map<string, number>;
  /** Requests each server-wide fault applied to, by its index in the config. */
  readonly configMatches: number[];
  /** Forgets the counts and restarts the random stream from the seed. */
  reset(): void;
}

/** Creates the fault state of an app. */
export function createFaultState(seed: number): FaultState {
  let random = createRandom(`faults|${seed}`);
  const fixtureMatches = new Map<string, number>();
  const configMatches: number[] = [];
  return {
    get random() {
      return random;
    },
    fixtureMatches,
    configMatches,
    reset() {
      random = createRandom(`faults|${seed}`);
      fixtureMatches.clear();
      configMatches.length = 0;
    },
  };
}
