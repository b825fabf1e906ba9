import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { CountJob } from '../../src/tokens/count-job.ts';
import { encodeText } from '../../src/tokens/encode-text.ts';
import { parseRankTable } from '../../src/tokens/parse-rank-table.ts';
import { PieceCounter } from '../../src/tokens/piece-counter.ts';
import { base64Blob, mixedNoise, SAMPLE_TEXTS } from './sample-texts.ts';

const table = parseRankTable(o200k);
const texts = [
  ...SAMPLE_TEXTS,
  'a'.repeat(9_000),
  `${'x'.repeat(3_000)} ${'中'.repeat(2_000)} ${'y'.repeat(2_500)}`,
  base64Blob(5, 20_000),
  mixedNoise(6, 20_000),
  ...Array.from({ length: 200 }, (_, i) => `tiny ${i}`),
];
const expected = texts.map((text) => encodeText(table, text).length);

describe('CountJob', () => {
  it('counts everything in one go without a deadline', () => {
    const job = new CountJob(new PieceCounter(table, 1 << 20), texts);
    expect(job.advance(Number.POSITIVE_INFINITY)).toBe(true);
    expect(job.counts).toEqual(expected);
    expect(job.remaining).toBe(0);
  });

  it('gives the same counts when stopped at every clock read and resumed', () => {
    const job = new CountJob(new PieceCounter(table, 1 << 20), texts);
    let slices = 0;
    while (!job.advance(Number.NEGATIVE_INFINITY)) slices++;
    expect(slices).toBeGreaterThan(100);
    expect(job.counts).toEqual(expected);
    expect(job.remaining).toBe(0);
  });

  it('gives the same counts with a cold, a warm and a disabled piece cache', () => {
    const cached = new PieceCounter(table, 1 << 20);
    for (const counter of [cached, cached, new PieceCounter(table, 0)]) {
      const job = new CountJob(counter, texts);
      job.advance(Number.POSITIVE_INFINITY);
      expect(job.counts).toEqual(expected);
    }
  });
});
