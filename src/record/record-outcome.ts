import type { FaultInput } from '../faults/fault-schema.ts';
import type { FixtureInput } from '../fixtures/fixture-schema.ts';
import type { MatchConditions as FixtureMatch } from '../match/match-schema.ts';
import type { RecordedReply } from './recorded-reply.ts';
import { writeRecording } from './write-recording.ts';

/** What one forwarded request brought back: a reply (with its pace when streamed) or an error. */
export type RecordedOutcome =
  | { kind: 'reply'; reply: RecordedReply; stream?: FixtureInput['stream'] }
  | { kind: 'fault'; fault: Extract<FaultInput, { kind: 'http' }> };

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

/**
 * Adds an outcome for the fixture `name` to the run's `recordings` (RunState) and writes the fixture
 * made of all of them (see `fixtureOf`), redacted, into `dir`: in place of an earlier fixture of that
 * name, else appended to `file`.
 */
export function recordOutcome(
  recordings: Map<string, unknown[]>,
  entry: { dir: string; file: string; name: string; match: FixtureMatch; outcome: RecordedOutcome; redact: (fixture: FixtureInput) => FixtureInput },
): { path: string; replaced: boolean } {
  const { dir, file, name, match, outcome, redact } = entry;
  const outcomes = (recordings.get(name) ?? []) as RecordedOutcome[];
  outcomes.push(outcome);
  recordings.set(name, outcomes);
  return writeRecording(dir, file, redact(fixtureOf(name, match, outcomes)) as FixtureInput & { name: string });
}
