import type { EncodingName } from './encoding-name.ts';
import { parseRankTable, type RankTable } from './parse-rank-table.ts';

/**
 * Imports `js-tiktoken/ranks/<encoding>` and parses it into a {@link RankTable}. Costly (~0.1 s CPU and
 * ~20 MB heap for o200k_base) and synchronous once the module is imported, so call it off the main
 * thread. Rejects if the module cannot be loaded or is malformed.
 */
export async function loadRankTable(encoding: EncodingName): Promise<RankTable> {
  const module = encoding === 'o200k_base'
    ? await import('js-tiktoken/ranks/o200k_base')
    : await import('js-tiktoken/ranks/cl100k_base');
  return parseRankTable(module.default);
}
