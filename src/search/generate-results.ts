import { createRandom } from '../random.ts';
import type { SearchRequest } from './search-request.ts';
import type { ScriptedResult } from './search-script-schema.ts';

/** One result of `/v1/tools/search` (`text` with include_content) or `/search_pro` (`chunks` instead). */
export interface SearchResult {
  authority: number;
  date: string;
  icon: string;
  mime: string;
  site_name: string;
  snippet: string;
  text?: string;
  chunks?: Array<{ text: string; score: number }>;
  title: string;
  url: string;
}

const SITES = ['docs.example.com', 'news.example.org', 'wiki.example.net', 'blog.example.com', 'research.example.edu', 'forum.example.org'];
const ANGLES = ['an overview', 'a practical guide', 'the latest news', 'frequently asked questions', 'a detailed analysis', 'a beginner\'s introduction'];

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'page';
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Days (as Unix ms) that a `time_window` allows, around `nowMs`. */
function window(request: SearchRequest, nowMs: number): [number, number] {
  const { start, end } = request.time_window ?? {};
  const from = start ? Date.parse(start.length === 4 ? `${start}-01-01` : start.length === 7 ? `${start}-01` : start) : nowMs - 365 * 864e5;
  const to = end ? Date.parse(end.length === 4 ? `${end}-12-31` : end.length === 7 ? `${end}-28` : end) : nowMs;
  return [from, Math.max(from, to)];
}

/**
 * `limit` results about the query, the same for the same seed, query and options: titles and
 * snippets built from the query, sites from `sites` when given (else example domains), dates inside
 * the `time_window` (else the past year). Scripted results come first and keep their fields; what
 * they leave out is filled the same way. `pro` gives `chunks` instead of `text`.
 */
export function generateResults(
  request: SearchRequest,
  options: { seed: number; nowMs: number; pro: boolean; scripted?: readonly ScriptedResult[] },
): SearchResult[] {
  const random = createRandom(`search|${options.seed}|${request.text_query}|${(request.sites ?? []).join(',')}`);
  const [from, to] = window(request, options.nowMs);
  const sites = request.sites?.length ? request.sites : SITES;
  const count = options.scripted ? Math.min(options.scripted.length, request.limit) : request.limit;
  return Array.from({ length: count }, (_, index) => {
    const given = options.scripted?.[index] ?? {};
    const site = sites[random.int(sites.length)]!;
    const angle = ANGLES[random.int(ANGLES.length)]!;
    const title = given.title ?? `${request.text_query}: ${angle}`;
    const url = given.url ?? `https://${site}/${slug(request.text_query)}-${index + 1}`;
    const host = new URL(url.includes('://') ? url : `https://${url}`).hostname;
    const snippet = given.snippet ?? `${title}. What to know about ${request.text_query}, from ${host}.`;
    const content = given.text ?? `${snippet}\n\nThis page covers ${request.text_query} in depth: background, key facts and further reading.`;
    const result: SearchResult = {
      authority: given.authority ?? Math.round((0.5 + random.next() / 2) * 100) / 100,
      date: given.date ?? day(from + random.next() * (to - from)),
      icon: given.icon ?? `https://${host}/favicon.ico`,
      mime: given.mime ?? 'text/html',
      site_name: given.site_name ?? host,
      snippet,
      title,
      url,
    };
    if (request.include_content && !options.pro) result.text = content;
    if (request.include_content && options.pro) {
      result.chunks = content.split('\n\n').map((text, i) => ({ text, score: Math.round((0.9 - i * 0.1) * 100) / 100 }));
    }
    return orderKeys(result);
  });
}

/** Keys in the documented order (alphabetical, as the docs list them). */
function orderKeys(result: SearchResult): SearchResult {
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b))) as unknown as SearchResult;
}

/** A fetched page as Markdown: its title as a heading and a few paragraphs about the URL's path. */
export function generatePage(url: URL, seed: number): { title: string; markdown: string } {
  const random = createRandom(`fetch|${seed}|${url.href}`);
  const topic = decodeURIComponent(url.pathname).split('/').filter(Boolean).pop()?.replace(/[-_]+/g, ' ') || url.hostname;
  const title = `${topic[0]!.toUpperCase()}${topic.slice(1)} | ${url.hostname}`;
  const angle = ANGLES[random.int(ANGLES.length)]!;
  const markdown = `# ${title}\n\nThis page from ${url.hostname} gives ${angle} of ${topic}.\n\n## Summary\n\n- What ${topic} is\n- Why it matters\n- Where to read more\n`;
  return { title, markdown };
}
