import { BpeMerge } from './bpe-merge.ts';
import { byteKey } from './byte-key.ts';
import type { RankTable } from './parse-rank-table.ts';

/**
 * Token ranks of one pre-tokenized piece: a single token if the piece's UTF-8 bytes are a token, else the
 * heap-based BPE merge (the same path the counter uses). An empty piece gives []. `scratch` (a BpeMerge
 * over the same table) may be passed to reuse its buffers.
 */
export function encodePiece(table: RankTable, piece: string, scratch: BpeMerge = new BpeMerge(table)): number[] {
  const key = byteKey(piece);
  const whole = table.ranks.get(key);
  if (whole !== undefined) return [whole];
  scratch.reset(key).run();
  return scratch.tokens();
}

/**
 * Pure, uncached, synchronous encoding of `text`, equal to js-tiktoken's `encode(text, [], [])`: special
 * token strings such as "<|endoftext|>" are encoded as ordinary text and never throw. Meant for tests and
 * small inputs; production counting goes through the worker (createTokenCounter).
 */
export function encodeText(table: RankTable, text: string): number[] {
  const out: number[] = [];
  const scratch = new BpeMerge(table);
  for (const match of text.matchAll(new RegExp(table.pattern, 'gu'))) {
    for (const token of encodePiece(table, match[0], scratch)) out.push(token);
  }
  return out;
}
