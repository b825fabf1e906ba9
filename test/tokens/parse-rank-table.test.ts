import { describe, expect, it } from 'vitest';
import { parseRankTable } from '../../src/tokens/parse-rank-table.ts';

describe('parseRankTable', () => {
  it('assigns offset + index ranks to the base64 tokens of each line and skips empty lines', () => {
    const table = parseRankTable({ pat_str: 'x', bpe_ranks: '! 5 YQ== Yg==\n\n! 9 w6k=\n! 3\n' });
    expect([...table.ranks]).toEqual([['a', 5], ['b', 6], ['\xc3\xa9', 9]]);
    expect(table.maxTokenBytes).toBe(2);
    expect(table.pattern).toBe('x');
  });

  it('lets a later rank win for repeated bytes, like js-tiktoken', () => {
    expect(parseRankTable({ pat_str: '', bpe_ranks: '! 0 YQ==\n! 7 YQ==' }).ranks.get('a')).toBe(7);
  });

  it('rejects malformed offsets and ranks that do not fit the heap key', () => {
    expect(() => parseRankTable({ pat_str: '', bpe_ranks: '! x YQ==' })).toThrow(RangeError);
    expect(() => parseRankTable({ pat_str: '', bpe_ranks: `! ${2 ** 21} YQ==` })).toThrow(RangeError);
  });
});
