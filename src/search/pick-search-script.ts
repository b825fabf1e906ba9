import type { SearchScript } from './search-script-schema.ts';

type TextMatch = NonNullable<SearchScript['match']['query']>;

function matches(condition: TextMatch | undefined, text: string | undefined): boolean {
  if (condition === undefined) return true;
  if (text === undefined) return false;
  if (typeof condition === 'string') return text.toLowerCase().includes(condition.toLowerCase());
  return new RegExp(condition.regex, 'i').test(text);
}

/** The first script for `tool` whose `match` fits the call's query (search) or URL (fetch). */
export function pickSearchScript(
  scripts: readonly SearchScript[],
  tool: 'search' | 'search_pro' | 'fetch',
  call: { query?: string; url?: string },
): SearchScript | undefined {
  return scripts.find((script) =>
    (script.tool === undefined || script.tool === tool) && matches(script.match.query, call.query) && matches(script.match.url, call.url));
}
