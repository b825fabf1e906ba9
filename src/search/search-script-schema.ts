import * as z from 'zod';
import { DELAY_TOO_LONG, MAX_DELAY_MS } from '../clock.ts';
import { SEARCH_ERROR_TYPES } from './search-error.ts';
import { isRegex } from '../match/is-regex.ts';

const textMatch = z.union([
  z.string().min(1).describe('Matches when the text contains this string (case-insensitive).'),
  z.strictObject({ regex: z.string().min(1).refine(isRegex, 'not a valid regular expression') }).describe('Matches when this regular expression finds the text (case-insensitive).'),
]);

/** One search result as scripted: any field left out is generated. */
export const scriptedResultSchema = z.strictObject({
  title: z.string().optional(),
  url: z.string().optional(),
  snippet: z.string().optional(),
  text: z.string().optional(),
  site_name: z.string().optional(),
  date: z.string().optional(),
  icon: z.string().optional(),
  mime: z.string().optional(),
  authority: z.number().optional(),
});

/**
 * A scripted answer of the search tools (the `search` option): the first script whose `tool` and
 * `match` fit a call answers it; a call no script fits gets generated results, deterministic under
 * the seed. A script answers with `results` (search, search_pro), `markdown`/`title` (fetch), or
 * one of the documented `error` types; `delay_ms` waits on the app clock first (past the call's
 * `timeout_seconds` it becomes the documented 504 `timeout`).
 */
export const searchScriptSchema = z.strictObject({
  name: z.string().optional(),
  tool: z.enum(['search', 'search_pro', 'fetch']).optional().describe('Only calls of this tool (default: any).'),
  match: z.strictObject({ query: textMatch.optional(), url: textMatch.optional() }).default({}),
  results: z.array(scriptedResultSchema).optional(),
  markdown: z.string().optional(),
  title: z.string().optional(),
  error: z.enum(SEARCH_ERROR_TYPES).optional(),
  message: z.string().optional().describe('Replaces the error type\'s usual message.'),
  delay_ms: z.number().int().nonnegative().max(MAX_DELAY_MS, DELAY_TOO_LONG).optional(),
});

export type SearchScript = z.output<typeof searchScriptSchema>;
export type ScriptedResult = z.output<typeof scriptedResultSchema>;
