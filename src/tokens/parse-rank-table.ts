/** Ranks must stay below 2^21 so that `rank * 2^32 + position` is an exact double (see bpe-merge.ts). */
const MAX_RANK = 2 ** 21;

/** The raw shape of a `js-tiktoken/ranks/<name>` module's default export (only the fields we read). */
export interface RankSource {
  readonly pat_str: string;
  readonly bpe_ranks: string;
}

/** An immutable BPE vocabulary: token bytes → rank, plus the pre-tokenization pattern. */
export interface RankTable {
  /** Token bytes as a latin1 string (one char per byte, 0..255) → rank. */
  readonly ranks: ReadonlyMap<string, number>;
  /** Pre-tokenization regex source (`pat_str`), to be compiled with flags "gu". */
  readonly pattern: string;
  /** Length in bytes of the longest token: no longer byte span can have a rank. */
  readonly maxTokenBytes: number;
}

/**
 * Parses js-tiktoken's compact rank format: lines `! <offset> <b64> <b64> ...` (fields separated by single
 * spaces) where the i-th base64 token (0-based) has rank offset + i. Empty lines and lines without tokens are
 * skipped; if the same bytes appear twice the later rank wins (as in js-tiktoken). Scans the source in place
 * instead of splitting it, so the 200k base64 strings die young (less peak memory). Throws a RangeError on a
 * malformed offset or a rank ≥ 2^21.
 */
export function parseRankTable(source: RankSource): RankTable {
  const text = source.bpe_ranks;
  const ranks = new Map<string, number>();
  let maxTokenBytes = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let rank = Number.NaN;
    let field = 0;
    for (let start = lineStart; start <= lineEnd; field++) {
      const space = text.indexOf(' ', start);
      const end = space === -1 || space > lineEnd ? lineEnd : space;
      if (field === 1) {
        rank = Number.parseInt(text.slice(start, end), 10);
      } else if (field >= 2) {
        if (!Number.isSafeInteger(rank) || rank < 0 || rank >= MAX_RANK) {
          throw new RangeError(`bad rank ${rank} in line starting ${text.slice(lineStart, lineStart + 20)}`);
        }
        // atob yields a "binary string": exactly one char (0..255) per decoded byte.
        const bytes = atob(text.slice(start, end));
        if (bytes.length > maxTokenBytes) maxTokenBytes = bytes.length;
        ranks.set(bytes, rank++);
      }
      start = end + 1;
    }
    lineStart = lineEnd + 1;
  }
  return { ranks, pattern: source.pat_str, maxTokenBytes };
}
