import type { BpeMerge } from './bpe-merge.ts';
import type { PieceCounter } from './piece-counter.ts';

/**
 * Work units between two clock reads: a piece costs its length plus PIECE_UNITS, a finished text TEXT_UNITS.
 * So the clock is read every ≤ 32 short pieces or ≤ ~1000 chars (an uncached 1000-char piece merges in well
 * under a millisecond).
 */
const UNITS_PER_CLOCK_READ = 1024;
const PIECE_UNITS = 32;
const TEXT_UNITS = 32;

/**
 * A resumable count of several texts: {@link advance} works until a deadline and picks up exactly where it
 * stopped (regex position inside the current text, or inside the merge of a huge piece). Pre-tokenization
 * is the encoding's regex with flags "gu", as in js-tiktoken; special-token strings are ordinary text.
 */
export class CountJob {
  /** Final counts, one per text, filled in order; complete once advance() has returned true. */
  readonly counts: number[] = [];
  private textIndex = 0;
  /** Regex position inside the current text. */
  private cursor = 0;
  /** Tokens counted so far in the current text. */
  private partial = 0;
  private merge: BpeMerge | null = null;
  /** Total length of the texts after the current one. */
  private tailChars: number;

  constructor(private readonly counter: PieceCounter, private readonly texts: readonly string[]) {
    this.tailChars = texts.reduce((sum, text) => sum + text.length, 0) - (texts[0]?.length ?? 0);
  }

  /** Rough work left, in characters (plus pending merge steps); 0 when done. Used for shortest-first scheduling. */
  get remaining(): number {
    const current = this.texts[this.textIndex];
    if (current === undefined) return 0;
    return this.tailChars + current.length - this.cursor + (this.merge?.remainingWork ?? 0);
  }

  /**
   * Counts until every text is done or `deadline` (a performance.now() value) has passed; the clock is read
   * every ~1000 chars of pieces, so a call overruns the deadline by well under a millisecond (except that a
   * single regex match over a huge piece can't be split). Returns true once all counts are final.
   */
  advance(deadline: number): boolean {
    const pattern = this.counter.pattern;
    let units = 0;
    while (this.textIndex < this.texts.length) {
      if (this.merge !== null) {
        if (!this.merge.run(deadline)) return false;
        this.partial += this.merge.tokenCount;
        this.merge = null;
      }
      const text = this.texts[this.textIndex] as string;
      pattern.lastIndex = this.cursor;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(text)) !== null) {
        const result = this.counter.count(match[0]);
        if (typeof result !== 'number') {
          this.merge = result;
          break;
        }
        this.partial += result;
        units += match[0].length + PIECE_UNITS;
        if (units >= UNITS_PER_CLOCK_READ) {
          units = 0;
          if (performance.now() >= deadline) {
            this.cursor = pattern.lastIndex;
            return false;
          }
        }
      }
      if (match !== null) {
        this.cursor = pattern.lastIndex;
        continue; // run the huge piece's merge, then resume the regex after it
      }
      this.counts.push(this.partial);
      this.partial = 0;
      this.cursor = 0;
      this.textIndex++;
      this.tailChars -= this.texts[this.textIndex]?.length ?? 0;
      units += TEXT_UNITS;
      if (units >= UNITS_PER_CLOCK_READ && this.textIndex < this.texts.length) {
        units = 0;
        if (performance.now() >= deadline) return false;
      }
    }
    return true;
  }
}
