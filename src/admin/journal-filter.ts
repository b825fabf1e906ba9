import * as z from 'zod';
import type { JournalEntry } from '../state/journal-entry.ts';

/** `true`/`false` as JSON booleans or query strings. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]);

/** A time on the app clock: milliseconds since the epoch (number or digits) or an ISO date. */
const time = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(ms)) ctx.addIssue({ code: 'custom', message: 'must be milliseconds since the epoch or an ISO date' });
  return ms;
});

/** Which journaled requests a read, count or verification is about. Every field given must hold. */
export const journalFilterSchema = z.strictObject({
  model: z.string().optional().describe('The `model` the request named.'),
  fixture: z.string().optional().describe('The name of the fixture that answered.'),
  unmatched: flag.optional().describe('true: only requests no fixture matched that got the 400 `fixture_unmatched_error`; false: all others.'),
  status: z.coerce.number().int().optional().describe('The response status.'),
  path: z.string().optional().describe('The request path, e.g. `/v1/chat/completions`.'),
  namespace: z.string().optional().describe('The namespace (`*` = all); default: the `x-mock-namespace` header, else `default`.'),
  since: time.optional().describe('Only requests that arrived at or after this time (app clock).'),
  limit: z.coerce.number().int().positive().optional().describe('Only the newest N of the matching requests.'),
});

export type JournalFilter = z.output<typeof journalFilterSchema>;

/** Why `entry` does not match `filter` (one reason per failed field); empty when it matches. */
export function filterMisses(entry: JournalEntry, filter: JournalFilter): string[] {
  const misses: string[] = [];
  const quote = (value: string | null | undefined) => (value == null ? 'none' : JSON.stringify(value));
  if (filter.model !== undefined && entry.model !== filter.model) misses.push(`model is ${quote(entry.model)}, not ${quote(filter.model)}`);
  if (filter.fixture !== undefined && entry.match?.fixture !== filter.fixture) {
    misses.push(`answered by ${entry.match?.fixture === undefined ? (entry.match?.outcome ?? 'no fixture') : quote(entry.match.fixture)}, not fixture ${quote(filter.fixture)}`);
  }
  if (filter.unmatched !== undefined && (entry.match?.outcome === 'unmatched') !== filter.unmatched) {
    misses.push(filter.unmatched ? 'was not unmatched' : 'was unmatched');
  }
  if (filter.status !== undefined && entry.status !== filter.status) misses.push(`status is ${entry.status}, not ${filter.status}`);
  if (filter.path !== undefined && entry.path !== filter.path) misses.push(`path is ${quote(entry.path)}, not ${quote(filter.path)}`);
  if (filter.since !== undefined && entry.time < filter.since) misses.push(`arrived at ${entry.time}, before ${filter.since}`);
  return misses;
}

/** The entries that match, newest last, keeping only the newest `limit`. */
export function applyFilter(entries: readonly JournalEntry[], filter: JournalFilter): JournalEntry[] {
  const kept = entries.filter((entry) => filterMisses(entry, filter).length === 0);
  return filter.limit === undefined ? kept : kept.slice(-filter.limit);
}
