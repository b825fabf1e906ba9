import type { FixtureInput } from '../fixtures/fixture-schema.ts';
import type { Redactor } from './redactor.ts';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A fixture as it may be written: configured paths redacted, then every secret in every string
 * replaced by `[REDACTED]`. A list of stream deltas is checked joined (a key can straddle two deltas)
 * and, when it holds a secret, written as one redacted string. An exact `user` condition that held a
 * secret becomes an anchored `regex` with `[\s\S]+?` in place of each secret, so that the replayed
 * request, secret and all, still matches.
 */
export function redactFixture(fixture: FixtureInput, redactor: Redactor): FixtureInput {
  const pathed = redactor.paths(fixture);
  const match = pathed.match && typeof pathed.match.user === 'object' && pathed.match.user.equals !== undefined
    ? { ...pathed.match, user: redactCondition(pathed.match.user.equals, redactor) }
    : pathed.match;
  return scrub({ ...pathed, match }, redactor) as FixtureInput;
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
