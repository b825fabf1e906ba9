import type { BpeMerge } from './bpe-merge.ts';
import type { PieceCounter } from './piece-counter.ts';
import type { TextFloor, TokenFloor } from './token-floor.ts';

/**
 * Work units between two clock reads: a piece costs its length plus PIECE_UNITS, a finished text TEXT_UNITS.
 * So the clock is read every ≤ 32 short pieces or ≤ ~1000 chars (an uncached 1000-char piece merges in well
 * under a millisecond).
 */
const UNITS_PER_CLOCK_READ = 1024;
const PIECE_UNITS = 32;
const TEXT_UNITS = 32;

/** Options of a {@link CountJob}. */
export interface CountJobOptions {
  /**
   * Stop as soon as the total is certainly above this (needs `floor`): the counts are then lower
   * bounds whose sum is above it, and `exact` is false.
   */
  readonly stopAbove?: number;
  readonly floor?: TokenFloor;
}

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
  /** False once the job stopped early (see CountJobOptions.stopAbove): the counts are lower bounds. */
  exact = true;
  private readonly stopAbove: number;
  /** Floor of each text, and floorsAfter[i] = the sum of the floors of the texts after text i. */
  private readonly floors: TextFloor[] = [];
  private readonly floorsAfter: number[] = [];
  /** Sum of the final counts so far, and the length of the huge piece being merged. */
  private counted = 0;
  private mergeChars = 0;

  constructor(private readonly counter: PieceCounter, private readonly texts: readonly string[], options: CountJobOptions = {}) {
    this.tailChars = texts.reduce((sum, text) => sum + text.length, 0) - (texts[0]?.length ?? 0);
    this.stopAbove = options.floor === undefined ? Number.POSITIVE_INFINITY : (options.stopAbove ?? Number.POSITIVE_INFINITY);
    if (this.stopAbove === Number.POSITIVE_INFINITY) return;
    this.floors = texts.map((text) => options.floor!.ofText(text));
    let after = 0;
    for (let i = texts.length - 1; i >= 0; i--) {
      this.floorsAfter[i] = after;
      after += this.floors[i]!.tokens;
    }
    this.stopIfOver();
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
        this.mergeChars = 0;
      }
      const text = this.texts[this.textIndex] as string;
      pattern.lastIndex = this.cursor;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(text)) !== null) {
        const result = this.counter.count(match[0]);
        if (typeof result !== 'number') {
          this.merge = result;
          this.mergeChars = match[0].length;
          break;
        }
        this.partial += result;
        units += match[0].length + PIECE_UNITS;
        if (units >= UNITS_PER_CLOCK_READ) {
          units = 0;
          this.cursor = pattern.lastIndex;
          if (this.stopIfOver()) return true;
          if (performance.now() >= deadline) return false;
        }
      }
      if (match !== null) {
        this.cursor = pattern.lastIndex;
        continue; // run the huge piece's merge, then resume the regex after it
      }
      this.counts.push(this.partial);
      this.counted += this.partial;
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

  /**
   * Ends the job if the tokens counted so far plus the floor of what is left exceed stopAbove: the
   * current text gets its counted part plus the floor of its rest (the piece being merged included),
   * each later text its floor. Returns whether it stopped.
   */
  private stopIfOver(): boolean {
    const text = this.texts[this.textIndex];
    if (text === undefined || this.stopAbove === Number.POSITIVE_INFINITY) return false;
    const { longest } = this.floors[this.textIndex]!;
    const untouched = this.cursor === 0 && this.merge === null;
    const rest = untouched
      ? this.floors[this.textIndex]!.tokens
      : Math.ceil(this.mergeChars / longest) + Math.ceil((text.length - this.cursor) / longest);
    const current = this.partial + rest;
    if (this.counted + current + this.floorsAfter[this.textIndex]! <= this.stopAbove) return false;
    this.counts.push(current, ...this.floors.slice(this.textIndex + 1).map((floor) => floor.tokens));
    this.exact = false;
    this.merge = null;
    this.textIndex = this.texts.length;
    this.tailChars = 0;
    return true;
  }
}
