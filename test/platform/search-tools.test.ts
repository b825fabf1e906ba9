import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/index.ts';
import { AUTH, mockApp, postJson, type MockApp } from '../support/mock-app.ts';

const search = (app: MockApp, body: unknown, tool = 'search') => postJson(app, `/v1/tools/${tool}`, body);

describe('search tools: answers', { timeout: 60_000 }, () => {
  it('generates the documented result fields, the same under the same seed', async () => {
    const first = await search(mockApp(), { text_query: 'kimi k3 context window', limit: 3 });
    const again = await search(mockApp(), { text_query: 'kimi k3 context window', limit: 3 });
    expect(first.status).toBe(200);
    expect(first.json.search_results).toHaveLength(3);
    expect(Object.keys(first.json.search_results[0])).toEqual(['authority', 'date', 'icon', 'mime', 'site_name', 'snippet', 'title', 'url']);
    expect(again.text).toBe(first.text);
  });

  it('returns five results by default and the text with include_content', async () => {
    const { json } = await search(mockApp(), { text_query: 'tides', include_content: true });
    expect(json.search_results).toHaveLength(5);
    expect(json.search_results[0].text).toContain('tides');
  });

  it('answers search_pro from the given sites inside the time window, with chunks', async () => {
    const body = { text_query: 'rust async', sites: ['docs.rs'], time_window: { start: '2026-03', end: '2026-04-15' }, include_content: true };
    const { json } = await search(mockApp(), body, 'search_pro');
    for (const result of json.search_results) {
      expect(result.site_name).toBe('docs.rs');
      expect(result.date >= '2026-03-01' && result.date <= '2026-04-15').toBe(true);
      expect(result.chunks[0]).toEqual({ text: expect.any(String), score: expect.any(Number) });
      expect(result.text).toBeUndefined();
    }
  });

  it('answers a matching script with its results, filling the rest', async () => {
    const app = mockApp({ search: [{ match: { query: 'weather' }, results: [{ title: 'Paris forecast', url: 'https://meteo.example.fr/paris', snippet: 'Sunny, 24°C' }] }] });
    const { json } = await search(app, { text_query: 'Weather in Paris' });
    expect(json.search_results).toEqual([expect.objectContaining({ title: 'Paris forecast', url: 'https://meteo.example.fr/paris', snippet: 'Sunny, 24°C', site_name: 'meteo.example.fr' })]);
  });

  it('fetches a page as Markdown, scripted or generated', async () => {
    const app = mockApp({ search: [{ tool: 'fetch', match: { url: { regex: 'example\\.com/scripted' } }, markdown: '# Hi', title: 'Scripted' }] });
    expect((await search(app, { url: 'https://example.com/scripted' }, 'fetch')).json).toEqual({ url: 'https://example.com/scripted', markdown: '# Hi', title: 'Scripted' });
    const generated = await search(app, { url: 'https://example.com/guides/getting-started' }, 'fetch');
    expect(generated.json.title).toBe('Getting started | example.com');
    expect(generated.json.markdown).toMatch(/^# Getting started \| example\.com\n/);
  });

  it('sets the tool gateway headers', async () => {
    const res = await search(mockApp(), { text_query: 'x' });
    const track = res.headers.get('x-msh-track-id')!;
    expect(track).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get('x-msh-chat-id')).toBe(`toolgw-${track}`);
  });

  it('charges each call with results its per-call price', async () => {
    const app = mockApp({ balance: 1 });
    await search(app, { text_query: 'a' });
    await search(app, { text_query: 'b' }, 'search_pro');
    await search(app, { url: 'https://example.com/' }, 'fetch');
    const balance = (await (await app.request('/v1/users/me/balance', { headers: AUTH })).json()) as any;
    expect(Math.round(balance.data.available_balance * 1e9)).toBe(1e9 - 2e6 - 3e6 - 2e6);
  });
});

describe('search tools: documented errors', { timeout: 60_000 }, () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['a body that is not an object', '[1]', 'search', 'invalid request body'],
    ['a missing text_query', { limit: 2 }, 'search', 'text_query is required'],
    ['a timeout over 60 s', { text_query: 'x', timeout_seconds: 61 }, 'search', 'timeout_seconds must be less than or equal to 60'],
    ['a limit over 20', { text_query: 'x', limit: 21 }, 'search', 'limit must be between 1 and 20'],
    ['six sites', { text_query: 'x', sites: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'search_pro', 'sites must contain at most 5 entries'],
    ['a site with a space', { text_query: 'x', sites: ['a b.com'] }, 'search_pro', 'site must not contain whitespace or parentheses'],
    ['a bad window start', { text_query: 'x', time_window: { start: '2026/01' } }, 'search_pro', 'time_window.start is invalid, expect YYYY / YYYY-MM / YYYY-MM-DD'],
    ['a start after the end', { text_query: 'x', time_window: { start: '2026-05', end: '2026-04-30' } }, 'search_pro', 'time_window.start must not be after time_window.end'],
  ];
  for (const [what, body, tool, message] of cases) {
    it(`answers 400 invalid_request for ${what}`, async () => {
      const res = await search(mockApp(), body, tool);
      expect([res.status, res.json]).toEqual([400, { type: 'invalid_request', message }]);
    });
  }

  it('answers fetch with invalid_url and security_risk', async () => {
    expect((await search(mockApp(), { url: 'not a url' }, 'fetch')).json.type).toBe('invalid_url');
    const risky = await search(mockApp(), { url: 'http://127.0.0.1:8080/admin' }, 'fetch');
    expect([risky.status, risky.json.type]).toEqual([403, 'security_risk']);
  });

  it('answers a missing key with a bare 401', async () => {
    const res = await search(mockApp(), { text_query: 'x' }, 'search');
    const bare = await postJson(mockApp(), '/v1/tools/search', { text_query: 'x' }, {});
    expect(res.status).toBe(200);
    expect([bare.status, bare.text]).toEqual([401, '']);
  });

  it('plays each scripted error type with its status and message', async () => {
    const types = [['markdown_not_found', 404], ['client_canceled', 408], ['rate_limited', 429], ['rate_limit_unavailable', 429], ['internal_error', 500], ['upstream_failed', 502], ['timeout', 504]] as const;
    const app = mockApp({ search: types.map(([error]) => ({ match: { query: error }, error })) });
    for (const [error, status] of types) {
      const res = await search(app, { text_query: error });
      expect([res.status, res.json.type]).toEqual([status, error]);
    }
    const limited = await search(app, { text_query: 'rate_limited' });
    expect(limited.json.message).toBe('project qps limit exceeded');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('turns a scripted delay past timeout_seconds into the documented 504', async () => {
    const clock = createManualClock(Date.UTC(2026, 11, 1));
    const app = mockApp({ clock, search: [{ match: { query: 'slow' }, delay_ms: 10_000 }] });
    const pending = search(app, { text_query: 'slow', timeout_seconds: 5 });
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(5_000);
    expect((await pending).json).toEqual({ type: 'timeout', message: 'request timeout' });
  });
});

describe('search tools: scope', { timeout: 60_000 }, () => {
  it('leaves the gateway headers off other endpoints', async () => {
    const res = await postJson(mockApp(), '/v1/chat/completions', { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] });
    expect(res.headers.get('x-msh-track-id')).toBeNull();
  });
});
