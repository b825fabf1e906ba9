import type { RedactConfig } from './record-config.ts';

/** What replaces a redacted value or text. */
export const REDACTED = '[REDACTED]';

/** Headers whose values are secrets whatever the config says. */
const SECRET_HEADERS = ['authorization', 'x-api-key'];

/** Values shorter than this are not scrubbed from text: they would blot out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Scrubs secrets from what record mode writes. */
export interface Redactor {
  /** The pieces of `text`, each marked secret (a header value or a pattern's match) or not. */
  split(text: string): Array<{ text: string; secret: boolean }>;
  /** `text` with every secret replaced by `[REDACTED]`. */
  text(text: string): string;
  /** Configured JSON paths of `value` set to `[REDACTED]` (in a copy); strings are left to `text`. */
  paths<T>(value: T): T;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A redactor for one request: the values of `Authorization` (with and without `Bearer `), `x-api-key` and
 * the configured headers found in `headers` (names lower-case), plus the configured patterns and paths.
 */
export function createRedactor(config: RedactConfig, headers: Record<string, string>): Redactor {
  const values = new Set<string>();
  for (const name of [...SECRET_HEADERS, ...config.headers.map((h) => h.toLowerCase())]) {
    const value = headers[name]?.trim();
    if (value === undefined) continue;
    values.add(value);
    const bearer = /^bearer\s+(.+)$/i.exec(value)?.[1]?.trim();
    if (bearer !== undefined) values.add(bearer);
  }
  const sources = [...values].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length).map(escapeRegex);
  sources.push(...config.patterns.map((pattern) => `(?:${pattern})`));
  const secret = sources.length > 0 ? new RegExp(sources.join('|'), 'g') : undefined;
  const paths = config.paths.map((path) => path.replace(/\[(\d+|\*)\]/g, '.$1').split('.').filter(Boolean));
  const split: Redactor['split'] = (text) => {
    if (secret === undefined) return [{ text, secret: false }];
    const parts: Array<{ text: string; secret: boolean }> = [];
    let at = 0;
    for (const found of text.matchAll(secret)) {
      if (found[0] === '') continue;
      if (found.index > at) parts.push({ text: text.slice(at, found.index), secret: false });
      parts.push({ text: found[0], secret: true });
      at = found.index + found[0].length;
    }
    if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), secret: false });
    return parts;
  };
  return {
    split,
    text: (text) => split(text).map((part) => (part.secret ? REDACTED : part.text)).join(''),
    paths: (value) => paths.reduce((current, path) => redactPath(current, path) as typeof value, value),
  };
}

/**
 * A copy of `value` with what `path` reaches set to `[REDACTED]`. A JSON string (or list of deltas) met
 * before the path ends is parsed and walked into, and stays parsed: tool-call arguments.
 */
function redactPath(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return REDACTED;
  const inner = parsedJson(value);
  if (inner === undefined || inner === null || typeof inner !== 'object') return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(inner) ? [...inner] : { ...(inner as object) };
  const keys = head === '*' ? Object.keys(copy) : Object.hasOwn(copy, head!) ? [head!] : [];
  let changed = false;
  for (const key of keys) {
    const before = (copy as Record<string, unknown>)[key];
    const after = redactPath(before, rest);
    if (after !== before) {
      (copy as Record<string, unknown>)[key] = after;
      changed = true;
    }
  }
  return changed ? copy : value;
}

/** An object as is; a string, or a list of strings that is not itself walked, parsed as JSON when it holds an object. */
function parsedJson(value: unknown): unknown {
  const text = typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('') : undefined;
  if (text === undefined) return value;
  if (Array.isArray(value) && !text.trimStart().startsWith('{')) return value;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : value;
  } catch {
    return value;
  }
}
