/**
 * Deepest nesting of arrays and objects a request body may have. Real tool schemas nest a few dozen
 * levels; this leaves room for hundreds while keeping every recursive walk of a body (JSON.stringify
 * in counting and replies, schema walks) far from Node's stack limit, which a few thousand levels
 * overflow.
 */
export const MAX_JSON_DEPTH = 1000;

const STRUCTURE = /["[\]{}]/g;

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, found by scanning its brackets
 * (those inside strings, escaped quotes included, do not count) and stopping at the first level past
 * the limit. Runs before `JSON.parse`, which would spend seconds on millions of levels; string
 * contents are skipped with `indexOf`, so a 100 MB string costs milliseconds. Text that is not valid
 * JSON gets an answer too; the parser reports it afterwards.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  // Each level takes at least one character: a text no longer than the limit cannot pass it.
  if (text.length <= limit) return false;
  let depth = 0;
  STRUCTURE.lastIndex = 0;
  for (let match = STRUCTURE.exec(text); match !== null; match = STRUCTURE.exec(text)) {
    const char = match[0];
    if (char === '"') {
      STRUCTURE.lastIndex = closingQuote(text, match.index + 1) + 1;
      if (STRUCTURE.lastIndex === 0) return false;
    } else if (char === '[' || char === '{') {
      if (++depth > limit) return true;
    } else {
      depth--;
    }
  }
  return false;
}

/** Index of the quote that ends the string starting at `from`, or -1 if it never ends. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}
