import type { TokenCounter } from '../tokens/token-counter.ts';
import { splitPieces } from './compose-text.ts';

/** Text cut to a token budget, with its exact count. */
export interface FittedText {
  text: string;
  tokens: number;
  /** True when the budget cut the text short (finish_reason `length`). */
  cut: boolean;
}

/**
 * Cuts `text` to at most `budget` tokens the way a model that runs out of tokens would: whole pieces
 * while they fit, then the longest prefix of the next piece that still fits. The returned count is the
 * counter's own count of the returned text, so usage always agrees with the estimate endpoint.
 */
export async function fitToBudget(
  counter: TokenCounter,
  text: string,
  budget: number,
  signal?: AbortSignal,
): Promise<FittedText> {
  const [total] = await counter.countTexts([text], signal);
  if (total! <= budget) return { text, tokens: total!, cut: false };
  if (budget <= 0) return { text: '', tokens: 0, cut: true };
  const pieces = splitPieces(text);
  const counts = await counter.countTexts(pieces, signal);
  let kept = '';
  let used = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const cost = counts[i]!;
    if (used + cost <= budget) {
      kept += piece;
      used += cost;
      continue;
    }
    const chars = Array.from(piece);
    const prefixes = chars.map((_, end) => chars.slice(0, end + 1).join(''));
    const prefixCounts = await counter.countTexts(prefixes, signal);
    let best = '';
    prefixCounts.forEach((count, k) => {
      if (used + count <= budget) best = prefixes[k]!;
    });
    kept += best;
    break;
  }
  // Piece counts add up for ordinary text; if a join ever merges across a boundary, shave characters.
  let [tokens] = await counter.countTexts([kept], signal);
  while (tokens! > budget && kept.length > 0) {
    kept = Array.from(kept).slice(0, -1).join('');
    [tokens] = await counter.countTexts([kept], signal);
  }
  return { text: kept, tokens: tokens!, cut: true };
}
