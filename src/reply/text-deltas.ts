import { splitPieces } from './compose-text.ts';
import type { StreamShape } from './stream-shape.ts';

/**
 * Text cut into stream deltas, the same for every dialect: groups of `tokensPerDelta` word pieces, or
 * single characters (`charSlices`); `pieces` is what each delta carries, for pacing.
 */
export function textDeltas(text: string, shape: StreamShape): Array<{ text: string; pieces: number }> {
  if (shape.charSlices) return Array.from(text, (char) => ({ text: char, pieces: 1 }));
  const pieces = splitPieces(text);
  const out: Array<{ text: string; pieces: number }> = [];
  for (let i = 0; i < pieces.length; i += shape.tokensPerDelta) {
    const group = pieces.slice(i, i + shape.tokensPerDelta);
    out.push({ text: group.join(''), pieces: group.length });
  }
  return out;
}
