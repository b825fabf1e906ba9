import type { FixtureInput } from '../fixtures/fixture-schema.ts';
import type { Redactor } from './redactor.ts';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A fixture as it may be written: configured paths redacted, then every secret in every string
 * replaced by `[REDACTED]`. A list of stream deltas is checked joined (a key can straddle two deltas)
 * and, when it holds a secret, written as one redacted string. An exact `user` condition that held a
 * secret becomes an anchored `regex` with `[\s\S]+?` in place of each secret, so that the replayed
 * request, secret and all, still matches; a tool result's `contains` keeps its longest secret-free stretch.
 */
export function redactFixture(fixture: FixtureInput, redactor: Redactor): FixtureInput {
  const pathed = redactor.paths(fixture);
  const match = pathed.match && { ...pathed.match };
  if (match && typeof match.user === 'object' && match.user.equals !== undefined) match.user = redactCondition(match.user.equals, redactor);
  if (match && typeof match.toolResult === 'object' && match.toolResult.contains !== undefined) {
    match.toolResult = { ...match.toolResult, contains: longestClearPart(match.toolResult.contains, redactor) };
  }
  return scrub({ ...pathed, match }, redactor) as FixtureInput;
}

/** The longest stretch of `text` without a secret: what a `contains` condition can still ask for. */
function longestClearPart(text: string, redactor: Redactor): string {
  const parts = redactor.split(text);
  if (!parts.some((part) => part.secret)) return text;
  return parts.filter((part) => !part.secret).reduce((longest, part) => (part.text.length > longest.length ? part.text : longest), '');
}

function redactCondition(text: string, redactor: Redactor): { equals: string } | { regex: string } {
  const parts = redactor.split(text);
  if (!parts.some((part) => part.secret)) return { equals: text };
  return { regex: `^${parts.map((part) => (part.secret ? '[\\s\\S]+?' : escapeRegex(part.text))).join('')}$` };
}

function scrub(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.text(value);
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => typeof item === 'string')) {
      const joined = value.join('');
      const clean = redactor.text(joined);
      return clean === joined ? value : clean;
    }
    return value.map((item) => scrub(item, redactor));
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, redactor)]));
}
