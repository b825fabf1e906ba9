import { createHash } from 'node:crypto';
import type { MatchConditions as FixtureMatch } from '../match/match-schema.ts';

/** JSON with keys sorted at every depth, so equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** The name of a recorded fixture: `rec-` and a digest of its match, the same on every run. */
export function recordingName(match: FixtureMatch): string {
  return `rec-${digest(canonical(match), 12)}`;
}

/**
 * The file a conversation is recorded in: a slug of its first user text (already redacted) and a
 * digest of its model and that text, e.g. `whats-the-weather-in-paris-3f2a9c1b.json`.
 */
export function conversationFile(model: string, firstUserText: string): string {
  const slug = firstUserText.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return `${slug || 'conversation'}-${digest(`${model}\n${firstUserText}`, 8)}.json`;
}
