import * as z from 'zod';
import type { JournalEntry } from '../state/journal-entry.ts';
import { applyFilter, filterMisses, journalFilterSchema, type JournalFilter } from './journal-filter.ts';

const times = z.number().int().nonnegative();

/** `POST /_mock/verify`: a filter and how many requests must match it. */
export const verifyRequestSchema = z
  .strictObject({
    filter: journalFilterSchema.default({}),
    count: times.optional().describe('Exactly this many.'),
    atLeast: times.optional(),
    atMost: times.optional(),
  })
  .refine((body) => body.count !== undefined || body.atLeast !== undefined || body.atMost !== undefined, {
    message: 'give an expectation: `count`, `atLeast` or `atMost`',
  });

export type VerifyRequest = z.output<typeof verifyRequestSchema>;

/** Lines of journal shown in a failure; older ones are summarised as a count. */
const SHOWN = 20;

/** What the expectation asks for, in words: `exactly 2`, `at least 1 and at most 3`. */
function expectationText({ count, atLeast, atMost }: VerifyRequest): string {
  if (count !== undefined) return `exactly ${count}`;
  return [atLeast !== undefined ? `at least ${atLeast}` : '', atMost !== undefined ? `at most ${atMost}` : ''].filter(Boolean).join(' and ');
}

function holds({ count, atLeast, atMost }: VerifyRequest, found: number): boolean {
  return (count === undefined || found === count) && (atLeast === undefined || found >= atLeast) && (atMost === undefined || found <= atMost);
}

/** One journal line: `#2 POST /v1/chat/completions model "{model}" → 200, fixture "weather-answer", last message tool`. */
export function describeEntry(entry: JournalEntry): string {
  const answered = entry.match === null ? '' : entry.match.outcome === 'fixture' ? `, fixture ${JSON.stringify(entry.match.fixture)}` : `, ${entry.match.outcome}`;
  const fault = entry.fault ? `, ${entry.fault.kind} fault (${entry.fault.source})` : '';
  const messages = (entry.body as { messages?: Array<{ role?: unknown }> } | undefined)?.messages;
  const last = Array.isArray(messages) && messages.length > 0 ? `, last message ${String(messages[messages.length - 1]?.role)}` : '';
  const model = entry.model === null ? '' : ` model ${JSON.stringify(entry.model)}`;
  return `#${entry.seq} ${entry.method} ${entry.path}${model} → ${entry.status}${answered}${fault}${last}`;
}

/**
 * Checks the expectation against `entries` (the namespace's journal, oldest first). On failure, the
 * message a test prints: what was expected, what was found, and every journaled request (the newest
 * 20), marked ✓ when it matches the filter and ✗ with the reasons when it does not.
 */
export function verifyJournal(entries: readonly JournalEntry[], request: VerifyRequest, where: string, dropped: number) {
  const filter: JournalFilter = { ...request.filter, limit: undefined };
  const matching = applyFilter(entries, filter);
  const ok = holds(request, matching.length);
  const shownFilter = JSON.stringify(Object.fromEntries(Object.entries(request.filter).filter(([key, value]) => value !== undefined && key !== 'limit')));
  const head = `Expected ${expectationText(request)} request(s) matching ${shownFilter} in ${where}, ${ok ? 'and' : 'but'} found ${matching.length}.`;
  if (ok) return { ok, matched: matching.length, message: head };
  const lines = entries.slice(-SHOWN).map((entry) => {
    const misses = filterMisses(entry, filter);
    return misses.length === 0 ? `  ✓ ${describeEntry(entry)}` : `  ✗ ${describeEntry(entry)} — ${misses.join('; ')}`;
  });
  const older = entries.length - lines.length + dropped;
  const body = entries.length === 0 ? ['Nothing was journaled there.'] : [`Journaled instead (${entries.length} request(s), newest last):`, ...lines];
  if (older > 0) body.push(`  (${older} older request(s) not shown)`);
  return { ok, matched: matching.length, message: [head, ...body].join('\n') };
}
