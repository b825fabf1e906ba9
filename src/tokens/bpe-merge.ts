import type { RankTable } from './parse-rank-table.ts';

/** Heap keys are `rank * POSITION_SPAN + position`: ranks < 2^21 and positions < 2^32 keep them exact doubles. */
const POSITION_SPAN = 2 ** 32;
/** `pairRank` marker: this part has no right neighbour, or the pair is not a token. */
const NO_PAIR = -1;
/** `pairRank` marker: this position is no longer the start of a part (merged into its left neighbour). */
const MERGED = -2;
/** How many steps run between two clock reads when a deadline is set. */
const STEPS_PER_CLOCK_READ = 256;

/**
 * Heap-based byte-pair merge of one piece, token-for-token identical to tiktoken's merge (always merge the
 * adjacent pair whose concatenation has the lowest rank; leftmost pair on ties) but O(n log n) instead of
 * O(n²): a min-heap of candidate pairs keyed by (rank, start position) over a doubly linked list of parts,
 * with lazy invalidation (a popped entry is skipped unless it still equals the current pair's rank).
 *
 * Resumable: {@link run} stops at a deadline and continues on the next call, so a huge piece can be merged
 * in bounded slices. Instances can be reused for successive pieces with {@link reset} (buffers are kept).
 * Every single byte must have a rank (true for o200k_base and cl100k_base).
 */
export class BpeMerge {
  private key = '';
  private length = 0;
  /** next[i]: start of the part after the part starting at i (== length for the last part). */
  private next = new Int32Array(0);
  /** prev[i]: start of the part before the part starting at i (-1 for the first part). */
  private prev = new Int32Array(0);
  /** pairRank[i]: rank of (part at i + next part), or NO_PAIR / MERGED. */
  private pairRank = new Int32Array(0);
  private heap = new Float64Array(0);
  private heapSize = 0;
  /** Next position whose initial pair rank is still to be computed (the first phase is resumable too). */
  private initCursor = 0;
  private parts = 0;

  constructor(private readonly table: RankTable) {}

  /**
   * Starts merging a new piece given as its byte key (see byteKey). An empty key is finished at once with
   * zero tokens. Returns this for chaining.
   */
  reset(key: string): this {
    const n = key.length;
    this.key = key;
    this.length = n;
    if (this.next.length < n) {
      const capacity = Math.max(n, this.next.length * 2);
      this.next = new Int32Array(capacity);
      this.prev = new Int32Array(capacity);
      this.pairRank = new Int32Array(capacity);
    }
    // At most n - 1 initial pairs plus one net push per merge (n - 1 merges): 2n entries never overflow.
    // Pages of a fresh typed array are only committed when written, so the unused tail costs no RSS.
    if (this.heap.length < 2 * n) this.heap = new Float64Array(Math.max(2 * n, this.heap.length * 2));
    this.heapSize = 0;
    this.initCursor = 0;
    this.parts = n;
    return this;
  }

  /**
   * Advances the merge until it is finished or `deadline` (a performance.now() value) has passed; the
   * clock is read only every few hundred steps, so a slice may overrun by some microseconds. Without a
   * deadline it runs to completion. Returns true once the merge is finished (idempotent afterwards).
   */
  run(deadline = Number.POSITIVE_INFINITY): boolean {
    const timed = deadline !== Number.POSITIVE_INFINITY;
    const n = this.length;
    const { next, prev, pairRank } = this;
    let steps = 0;
    while (this.initCursor < n) {
      const i = this.initCursor++;
      next[i] = i + 1;
      prev[i] = i - 1;
      const rank = i + 1 < n ? this.spanRank(i, i + 2) : NO_PAIR;
      pairRank[i] = rank;
      if (rank !== NO_PAIR) this.push(rank * POSITION_SPAN + i);
      if (timed && ++steps % STEPS_PER_CLOCK_READ === 0 && performance.now() >= deadline) return false;
    }
    while (this.heapSize > 0) {
      // Counted before the stale check: long runs of stale entries must not skip the clock.
      if (timed && ++steps % STEPS_PER_CLOCK_READ === 0 && performance.now() >= deadline) return false;
      const top = this.pop();
      const rank = Math.floor(top / POSITION_SPAN);
      const a = top - rank * POSITION_SPAN;
      if (pairRank[a] !== rank) continue; // stale: the pair at `a` changed since this entry was pushed
      const b = next[a] as number;
      const c = next[b] as number;
      next[a] = c;
      if (c < n) prev[c] = a;
      pairRank[b] = MERGED;
      this.parts--;
      const right = c < n ? this.spanRank(a, next[c] as number) : NO_PAIR;
      pairRank[a] = right;
      if (right !== NO_PAIR) this.push(right * POSITION_SPAN + a);
      const p = prev[a] as number;
      if (p >= 0) {
        const left = this.spanRank(p, c);
        pairRank[p] = left;
        if (left !== NO_PAIR) this.push(left * POSITION_SPAN + p);
      }
    }
    return true;
  }

  /** True once {@link run} has completed the merge. */
  get finished(): boolean {
    return this.initCursor >= this.length && this.heapSize === 0;
  }

  /** Number of tokens of the piece; exact only once finished (before that, an upper bound). */
  get tokenCount(): number {
    return this.parts;
  }

  /** Rough amount of work left (byte positions to scan plus heap entries to pop), for scheduling. */
  get remainingWork(): number {
    return this.length - this.initCursor + this.heapSize;
  }

  /** The token ranks of the finished merge, in order. Throws if the merge is not finished. */
  tokens(): number[] {
    if (!this.finished) throw new Error('BpeMerge.tokens() called before the merge finished');
    const out: number[] = [];
    for (let a = 0; a < this.length; a = this.next[a] as number) {
      const rank = this.table.ranks.get(this.key.substring(a, this.next[a] as number));
      if (rank === undefined) throw new Error('BpeMerge: a byte of the piece has no rank');
      out.push(rank);
    }
    return out;
  }

  /** Rank of the bytes [start, end) of the piece, or NO_PAIR if they are not a token. */
  private spanRank(start: number, end: number): number {
    if (end - start > this.table.maxTokenBytes) return NO_PAIR;
    return this.table.ranks.get(this.key.substring(start, end)) ?? NO_PAIR;
  }

  private push(value: number): void {
    if (this.heapSize === this.heap.length) {
      // Unreachable given the capacity chosen in reset(); kept so a wrong bound can't corrupt the heap.
      const grown = new Float64Array(Math.max(16, this.heap.length * 2));
      grown.set(this.heap);
      this.heap = grown;
    }
    const heap = this.heap;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentValue = heap[parent] as number;
      if (parentValue <= value) break;
      heap[i] = parentValue;
      i = parent;
    }
    heap[i] = value;
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0] as number;
    const size = --this.heapSize;
    if (size > 0) {
      const value = heap[size] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        const right = child + 1;
        if (right < size && (heap[right] as number) < (heap[child] as number)) child = right;
        if ((heap[child] as number) >= value) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = value;
    }
    return top;
  }
}
