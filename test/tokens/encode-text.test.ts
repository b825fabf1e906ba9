import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { BpeMerge } from '../../src/tokens/bpe-merge.ts';
import { byteKey } from '../../src/tokens/byte-key.ts';
import { encodePiece, encodeText } from '../../src/tokens/encode-text.ts';
import { parseRankTable } from '../../src/tokens/parse-rank-table.ts';
import { mixedNoise, SAMPLE_TEXTS } from './sample-texts.ts';

const FUZZ_TEXTS = Array.from({ length: 24 }, (_, seed) => mixedNoise(100 + seed, 1_500));

const encodings = [
  { name: 'o200k_base', source: o200k },
  { name: 'cl100k_base', source: cl100k },
] as const;

// CPU-bound over megabytes of samples: seconds on an idle machine, many times that on a shared one.
describe.each(encodings)('$name', { timeout: 60_000 }, ({ source }) => {
  const table = parseRankTable(source);
  const reference = new Tiktoken(source);

  it('parses every rank of the source', () => {
    expect(table.ranks.size).toBeGreaterThan(99_000);
    for (let byte = 0; byte < 256; byte++) expect(table.ranks.has(String.fromCharCode(byte))).toBe(true);
  });

  it('matches js-tiktoken on pseudo-random mixed texts', () => {
    for (const text of FUZZ_TEXTS) expect(encodeText(table, text)).toEqual(reference.encode(text, [], []));
  });

  it.each(SAMPLE_TEXTS.map((text, index) => ({ index, text })))('matches js-tiktoken token for token (#$index)', ({ text }) => {
    expect(encodeText(table, text)).toEqual(reference.encode(text, [], []));
  });

  it('matches js-tiktoken on every piece of the samples, one piece at a time', () => {
    const pattern = new RegExp(table.pattern, 'gu');
    const scratch = new BpeMerge(table);
    for (const text of [...SAMPLE_TEXTS, ...FUZZ_TEXTS]) {
      for (const [piece] of text.matchAll(pattern)) {
        if (piece.length > 300) continue; // long pieces are covered above; js-tiktoken is slow on them
        expect(encodePiece(table, piece, scratch)).toEqual(reference.encode(piece, [], []));
      }
    }
  });

  it('gives the same tokens when a merge is resumed after every few steps', () => {
    for (const piece of ['a'.repeat(5000), 'xyz'.repeat(1500), '中文'.repeat(900), '!?'.repeat(2000)]) {
      const oneShot = new BpeMerge(table).reset(byteKey(piece));
      oneShot.run();
      const sliced = new BpeMerge(table).reset(byteKey(piece));
      let slices = 0;
      while (!sliced.run(Number.NEGATIVE_INFINITY)) slices++;
      expect(slices).toBeGreaterThan(10);
      expect(sliced.tokens()).toEqual(oneShot.tokens());
      expect(sliced.tokenCount).toBe(oneShot.tokens().length);
    }
  });
});

describe('o200k_base long runs', { timeout: 60_000 }, () => {
  const table = parseRankTable(o200k);

  it('encodes "a" x 100000 as 12500 tokens (the merge is not quadratic)', () => {
    expect(encodeText(table, 'a'.repeat(100_000))).toHaveLength(12_500);
  });

  it('treats special-token strings as text and never throws', () => {
    expect(encodeText(table, '<|endoftext|>').length).toBeGreaterThan(1);
    expect(encodeText(table, '<|endoftext|>')).not.toContain(199_999);
  });
});
