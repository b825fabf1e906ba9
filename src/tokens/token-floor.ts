import type { RankTable } from './parse-rank-table.ts';

/** Shorter texts get the plain floor (length / longest token): the byte scan pays off on big ones. */
const SCAN_MIN_CHARS = 4096;
/** Texts with more distinct characters get the plain floor: their bytes allow long tokens anyway. */
const MAX_DISTINCT_CHARS = 48;
/** Counts of distinct characters at which to check whether the floor can still beat the plain one. */
const CHECKPOINTS = new Set([4, 16, 32]);
/** Distinct byte sets whose longest token is remembered (prompts repeat a few: ASCII prose, one letter). */
const MAX_CACHED_SETS = 64;

/** A certain lower bound of a text's token count. */
export interface TextFloor {
  /** The text has at least this many tokens. */
  tokens: number;
  /** No token of the text (or of any part of it) is longer than this many bytes. */
  longest: number;
}

/**
 * Lower bounds of token counts, so that a count can stop once a prompt is certainly too long. Every
 * token of a text is a run of the text's own bytes, so it is no longer than the longest vocabulary
 * token made only of bytes the text contains, and the text has at least ceil(bytes / that length)
 * tokens. A run of one letter gets a tight floor (no o200k token is more than a handful of `a`s);
 * prose, whose bytes allow long tokens, a loose one.
 */
export class TokenFloor {
  private readonly longestBySet = new Map<string, number>();

  constructor(private readonly table: RankTable) {}

  /**
   * The floor of `text`. Texts of 4096 chars or more that use at most MAX_DISTINCT_CHARS distinct
   * characters get the byte-set floor (the characters are found with one native regex scan per new
   * one, so a 100 MB run of one letter costs one scan); others get length / the longest token, found
   * as soon as their characters already allow a token of the longest length (prose does at once).
   */
  ofText(text: string): TextFloor {
    const plain = { tokens: Math.ceil(text.length / this.table.maxTokenBytes), longest: this.table.maxTokenBytes };
    if (text.length < SCAN_MIN_CHARS) return plain;
    const found = new Set<string>();
    for (let at = 0; ; ) {
      found.add(String.fromCodePoint(text.codePointAt(at)!));
      if (found.size > MAX_DISTINCT_CHARS) return plain;
      if (CHECKPOINTS.has(found.size) && this.longestWithin(found) === this.table.maxTokenBytes) return plain;
      const others = new RegExp(`[^${[...found].map((char) => `\\u{${char.codePointAt(0)!.toString(16)}}`).join('')}]`, 'gu');
      others.lastIndex = at;
      const next = others.exec(text);
      if (next === null) break;
      at = next.index;
    }
    const longest = this.longestWithin(found);
    const ascii = [...found].every((char) => char.charCodeAt(0) < 0x80);
    return { tokens: Math.ceil((ascii ? text.length : Buffer.byteLength(text, 'utf8')) / longest), longest };
  }

  /** Length in bytes of the longest token made only of the UTF-8 bytes of `chars` (at least 1: every byte is a token). */
  private longestWithin(chars: ReadonlySet<string>): number {
    const seen = new Uint8Array(256);
    for (const char of chars) for (const byte of Buffer.from(char, 'utf8')) seen[byte] = 1;
    return this.longestWithinBytes(seen);
  }

  /** Length in bytes of the longest token whose bytes are all in `seen`. */
  private longestWithinBytes(seen: Uint8Array): number {
    const key = seen.join('');
    let longest = this.longestBySet.get(key);
    if (longest !== undefined) return longest;
    longest = 1;
    for (const token of this.table.ranks.keys()) {
      if (token.length <= longest) continue;
      let inside = true;
      for (let i = 0; inside && i < token.length; i++) inside = seen[token.charCodeAt(i)] === 1;
      if (inside) longest = token.length;
    }
    if (this.longestBySet.size >= MAX_CACHED_SETS) this.longestBySet.clear();
    this.longestBySet.set(key, longest);
    return longest;
  }
}

