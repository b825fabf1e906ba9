/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short strings. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known flag closest to `typed` (both without dashes), or undefined when none is close: at most
 * two edits, and fewer than half the typed length (so `--x` suggests nothing).
 */
export function suggestFlag(typed: string, known: readonly string[]): string | undefined {
  let best: { flag: string; edits: number } | undefined;
  for (const flag of known) {
    const edits = distance(typed, flag);
    if (edits <= 2 && edits * 2 < typed.length && (best === undefined || edits < best.edits)) best = { flag, edits };
  }
  return best?.flag;
}
