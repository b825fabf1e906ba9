import { describe, expect, it } from 'vitest';
import { CountJob } from '../../src/tokens/count-job.ts';
import { MAX_TOKEN_BYTES } from '../../src/tokens/encoding-name.ts';
import { loadRankTable } from '../../src/tokens/load-rank-table.ts';
import { PieceCounter } from '../../src/tokens/piece-counter.ts';
import { TokenFloor } from '../../src/tokens/token-floor.ts';

const table = await loadRankTable('o200k_base');
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A job over `texts` that may stop once its count is certainly above `stopAbove`. */
const job = (texts: string[], stopAbove?: number) =>
  new CountJob(new PieceCounter(table, 1 << 20), texts, { stopAbove, floor: new TokenFloor(table) });

/** Runs a job to the end in one go. */
const finish = (counting: CountJob) => {
  while (!counting.advance(Number.POSITIVE_INFINITY));
  return counting;
};

describe('CountJob with stopAbove', () => {
  it('relies on no token being longer than MAX_TOKEN_BYTES in either encoding', async () => {
    for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
      expect((await loadRankTable(encoding)).maxTokenBytes).toBeLessThanOrEqual(MAX_TOKEN_BYTES);
    }
  });

  it('is done before any merge when a single-letter run is certainly over the limit', () => {
    const counting = job(['a'.repeat(2_000_000)], 100_000);
    // A deadline already past: a job that had to merge the 2 MB piece could not finish in this call.
    expect(counting.advance(0)).toBe(true);
    expect(counting.exact).toBe(false);
    expect(sum(counting.counts)).toBeGreaterThan(100_000);
    expect(sum(counting.counts)).toBeLessThanOrEqual(250_000); // a floor: the exact count is 250,000
  });

  it('stops partway through long prose once the tokens counted and the floor of the rest pass the limit', () => {
    const prose = 'The quick brown fox jumps over the lazy dog, then naps in the sun. '.repeat(20_000);
    const counting = job([prose, 'tail'], 1000);
    let calls = 0;
    while (!counting.advance(0)) calls++;
    expect(counting.exact).toBe(false);
    expect(sum(counting.counts)).toBeGreaterThan(1000);
    expect(calls).toBeLessThan(20); // the full count reads the clock over a thousand times
  });

  it('gives exact counts, flagged exact, when the texts fit under the limit', () => {
    const texts = ['a'.repeat(10_000), 'Hello, world!', '中文'.repeat(3000)];
    const capped = finish(job(texts, 1_000_000));
    const plain = finish(new CountJob(new PieceCounter(table, 1 << 20), texts));
    expect(capped.exact).toBe(true);
    expect(capped.counts).toEqual(plain.counts);
  });

  it('never stops a count whose exact total is at or under the limit', () => {
    const texts = ['a'.repeat(100_000)];
    const exact = sum(finish(job(texts)).counts); // 12,500
    const atLimit = finish(job(texts, exact));
    expect(atLimit.exact).toBe(true);
    expect(sum(atLimit.counts)).toBe(exact);
  });
});
