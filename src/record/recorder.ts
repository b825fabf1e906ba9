import type { FaultInput } from '../faults/fault-schema.ts';
import type { FixtureInput, FixtureMatch } from '../fixtures/fixture-schema.ts';
import type { RecordedReply } from './recorded-reply.ts';
import { writeRecording } from './write-recording.ts';

/** What one forwarded request brought back: a reply (with its pace when streamed) or an error. */
export type RecordedOutcome =
  | { kind: 'reply'; reply: RecordedReply; stream?: FixtureInput['stream'] }
  | { kind: 'fault'; fault: Extract<FaultInput, { kind: 'http' }> };

/** Record mode's memory of a run: what each recorded request brought back so far. */
export interface Recorder {
  /**
   * Adds an outcome for the fixture `name` and writes the fixture (see `fixtureOf`) into `dir`, in
   * place of an earlier one of that name or appended to `file`.
   */
  record(entry: { dir: string; file: string; name: string; match: FixtureMatch; outcome: RecordedOutcome; redact: (f: FixtureInput) => FixtureInput }): { path: string; replaced: boolean };
  /** Forgets the run's outcomes (the files stay). */
  reset(): void;
}

/**
 * The fixture that replays a run's outcomes for one request, in order: the last reply (and its
 * `stream` pace); the errors as an `http` fault on the calls they happened on (`when.calls`), so "429,
 * then 200" replays as such. Errors alone give a fault on every call and an empty reply it never reaches.
 */
export function fixtureOf(name: string, match: FixtureMatch, outcomes: readonly RecordedOutcome[]): FixtureInput & { name: string } {
  const replies = outcomes.filter((outcome) => outcome.kind === 'reply');
  const calls = outcomes.flatMap((outcome, i) => (outcome.kind === 'fault' ? [i + 1] : []));
  const lastFault = outcomes.findLast((outcome) => outcome.kind === 'fault');
  const last = replies.at(-1);
  const fixture: FixtureInput & { name: string } = { name, match, reply: last?.reply ?? {} };
  if (last?.stream !== undefined) fixture.stream = last.stream;
  if (lastFault) fixture.fault = last ? { ...lastFault.fault, when: { calls } } : lastFault.fault;
  return fixture;
}

/** A recorder with an empty memory. */
export function createRecorder(): Recorder {
  const outcomes = new Map<string, RecordedOutcome[]>();
  return {
    record({ dir, file, name, match, outcome, redact }) {
      const list = outcomes.get(name) ?? [];
      list.push(outcome);
      outcomes.set(name, list);
      return writeRecording(dir, file, redact(fixtureOf(name, match, list)) as FixtureInput & { name: string });
    },
    reset: () => outcomes.clear(),
  };
}
