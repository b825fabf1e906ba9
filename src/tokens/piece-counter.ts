import { BoundedCountCache } from './bounded-count-cache.ts';
import { BpeMerge } from './bpe-merge.ts';
import { byteKey } from './byte-key.ts';
import type { RankTable } from './parse-rank-table.ts';

/** Longer pieces are rare and costly to key, so they are not cached. */
const MAX_CACHED_PIECE_CHARS = 128;

/**
 * Pieces with more UTF-8 bytes than this are not merged inline but handed back as a resumable BpeMerge
 * (an inline merge of this size takes well under a millisecond).
 */
export const INLINE_MERGE_MAX_BYTES = 2048;

/**
 * Counts the tokens of pre-tokenized pieces with a bounded piece → count cache (natural text repeats its
 * pieces a lot). Caching never changes a count: entries are keyed by the exact piece string.
 */
export class PieceCounter {
  /** The encoding's pre-tokenization regex (flags "gu"); shared, so callers must set lastIndex before use. */
  readonly pattern: RegExp;
  private readonly cache: BoundedCountCache;
  private readonly scratch: BpeMerge;

  /** `cacheBytes`: approximate budget of the piece cache; 0 disables it. */
  constructor(readonly table: RankTable, cacheBytes: number) {
    this.pattern = new RegExp(table.pattern, 'gu');
    this.cache = new BoundedCountCache(cacheBytes);
    this.scratch = new BpeMerge(table);
  }

  /**
   * The token count of `piece`, or, for a piece above INLINE_MERGE_MAX_BYTES that is not a single token,
   * a fresh unstarted BpeMerge whose tokenCount is the answer once it has run to completion.
   */
  count(piece: string): number | BpeMerge {
    const cacheable = piece.length <= MAX_CACHED_PIECE_CHARS;
    if (cacheable) {
      const hit = this.cache.get(piece);
      if (hit !== undefined) return hit;
    }
    const key = byteKey(piece);
    let count: number;
    if (this.table.ranks.has(key)) {
      count = 1;
    } else if (key.length > INLINE_MERGE_MAX_BYTES) {
      return new BpeMerge(this.table).reset(key);
    } else {
      this.scratch.reset(key).run();
      count = this.scratch.tokenCount;
    }
    if (cacheable) this.cache.set(piece, count);
    return count;
  }
}
