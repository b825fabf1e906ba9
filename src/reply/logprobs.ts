import { createRandom } from '../random.ts';
import { splitPieces } from './compose-text.ts';

/** One alternative token and its log probability. */
export interface TopLogprob {
  token: string;
  logprob: number;
  /** The token's UTF-8 bytes. */
  bytes: number[];
}

/** One entry of `choices[].logprobs.content`. */
export interface TokenLogprob extends TopLogprob {
  /** The `top_logprobs` most likely tokens at this position, the chosen one first (empty when 0 were asked for). */
  top_logprobs: TopLogprob[];
}

// Plausible alternatives; the leading space of the chosen piece is kept on each.
const alternatives = ['the', 'a', 'it', 'this', 'that', 'and', 'to', 'of', 'in', 'is', 'for', 'with', 'on', 'as', 'be', 'can', 'will', 'more', 'one', 'so', 'also', 'we'];

const bytesOf = (token: string): number[] => [...Buffer.from(token, 'utf8')];
const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Deterministic log probabilities for the text a choice says, one entry per word piece (the unit the
 * emulator generates and streams in), as `choices[].logprobs.content`: the chosen piece is always the
 * most likely one, `top` alternatives follow in falling order, all values ≤ 0. The same `key`, text
 * and `top` always give the same numbers; `offset` (pieces before `text`) lets a stream's deltas
 * carry exactly the entries of the whole text.
 */
export function logprobsOf(text: string, top: number, key: string, offset = 0): TokenLogprob[] {
  return splitPieces(text).map((piece, i) => {
    const random = createRandom(`${key}|${offset + i}|${piece}`);
    const logprob = round(-random.next() * 0.4);
    const space = /^\s+/.exec(piece)?.[0] ?? '';
    const tops: TopLogprob[] = [{ token: piece, logprob, bytes: bytesOf(piece) }];
    let below = logprob;
    const start = random.int(alternatives.length);
    for (let i = 0; tops.length < top && i < alternatives.length; i++) {
      const token = space + alternatives[(start + i) % alternatives.length]!;
      if (token === piece) continue;
      below = round(below - 0.5 - random.next() * 2);
      tops.push({ token, logprob: below, bytes: bytesOf(token) });
    }
    return { token: piece, logprob, bytes: bytesOf(piece), top_logprobs: top === 0 ? [] : tops.slice(0, top) };
  });
}
