import { Hono, type Context } from 'hono';
import { isIP } from 'node:net';
import { chargeToolCall, payerOf } from '../../billing/bill-calls.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import { authenticate } from '../flow/authenticate.ts';
import { readBodyText, requestSignal } from '../../transport/read-body.ts';
import { sendJson } from '../../transport/send-json.ts';
import { generatePage, generateResults } from '../../search/generate-results.ts';
import { pickSearchScript } from '../../search/pick-search-script.ts';
import { parseSearchRequest } from '../../search/search-request.ts';
import { SearchError, searchErrorTable } from '../../search/search-error.ts';
import type { SearchScript } from '../../search/search-script-schema.ts';

/** Default wait before a search gives up (the docs give the 1–60 s range, not the default) [G]. */
const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * The tools endpoints: `POST /tools/search`, `/tools/search_pro` and `/tools/fetch`. A call is
 * answered by the first matching `search` script, else by generated results; errors go out flat as
 * `{"type","message"}`, and a missing or bad key gets a bare 401 (the docs show no body). Every
 * answer carries `X-Msh-Track-Id` and `X-Msh-Chat-Id: toolgw-{track}`. A 200 with results is charged
 * the tool's per-call price.
 */
export function searchRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('/tools/*', async (c, next) => {
    const track = c.get('ids').requestId.replaceAll('-', '');
    c.header('X-Msh-Track-Id', track);
    c.header('X-Msh-Chat-Id', `toolgw-${track}`);
    await next();
  });
  for (const tool of ['search', 'search_pro'] as const) {
    routes.post(`/tools/${tool}`, authenticate(deps), async (c) => {
      const request = parseSearchRequest(await readBody(c, deps), tool === 'search_pro');
      payable(deps, c.get('apiKey'));
      const script = pickSearchScript(deps.config.search, tool, { query: request.text_query });
      await play(script, request.timeout_seconds, deps, c, tool);
      const search_results = generateResults(request, {
        seed: deps.config.seed, nowMs: deps.clock.now(), pro: tool === 'search_pro', ...(script?.results && { scripted: script.results }),
      });
      if (search_results.length > 0) chargeToolCall(deps, c.get('apiKey'), tool);
      return sendJson(c, { search_results });
    });
  }
  routes.post('/tools/fetch', authenticate(deps), async (c) => {
    const body = await readBody(c, deps);
    const raw = typeof body === 'object' && body !== null ? (body as { url?: unknown }).url : undefined;
    if (typeof raw !== 'string' || raw.trim() === '') throw new SearchError('invalid_request', 'url is required');
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new SearchError('invalid_url');
    if (isPrivateHost(url.hostname)) throw new SearchError('security_risk');
    payable(deps, c.get('apiKey'));
    const script = pickSearchScript(deps.config.search, 'fetch', { url: url.href });
    await play(script, undefined, deps, c, 'fetch');
    const page = generatePage(url, deps.config.seed);
    chargeToolCall(deps, c.get('apiKey'), 'fetch');
    return sendJson(c, { url: url.href, markdown: script?.markdown ?? page.markdown, title: script?.title ?? page.title });
  });
  routes.onError((err, c) => {
    if (err instanceof SearchError) {
      if (err.status === 429) for (const [name, value] of [['Limit', '10'], ['Remaining', '0'], ['Reset', '1']]) c.header(`X-RateLimit-${name}`, value!);
      return sendJson(c, { type: err.type, message: err.message }, err.status);
    }
    if (err instanceof MoonshotError && (err.error.kind === 'missing_api_key' || err.error.kind === 'invalid_api_key')) return c.body(null, 401);
    if (err instanceof MoonshotError && err.error.kind === 'insufficient_balance') {
      return sendJson(c, { type: 'exceeded_current_quota_error', message: err.message }, 429);
    }
    if (err instanceof MoonshotError) return sendJson(c, { type: 'invalid_request', message: 'invalid request body' }, 400);
    throw err;
  });
  return routes;
}

async function readBody(c: Context<AppEnv>, deps: AppDeps): Promise<unknown> {
  const text = await readBodyText(c, deps.config.maxBodyBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new SearchError('invalid_request');
  }
}

/** [G] The tools share the account's balance: at zero they are refused like chat. */
function payable(deps: AppDeps, apiKey: string): void {
  const payer = payerOf(deps, apiKey);
  if (deps.balances.available(payer.organization) <= 0) throw new MoonshotError({ kind: 'insufficient_balance', ...payer });
}

/** Applies a script's delay and error: a delay past the call's timeout is the documented 504. */
async function play(script: SearchScript | undefined, timeoutSeconds: number | undefined, deps: AppDeps, c: Context<AppEnv>, tool: string) {
  if (!script) return;
  const limitMs = (timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  if (script.delay_ms !== undefined) {
    await deps.clock.sleep(Math.min(script.delay_ms, limitMs), requestSignal(c));
    if (script.delay_ms > limitMs) throw new SearchError('timeout');
  }
  if (script.error === undefined) return;
  const fetchRate = tool === 'fetch' && script.error === 'rate_limited' ? 'project concurrency limit exceeded' : undefined;
  throw new SearchError(script.error, script.message ?? fetchRate ?? searchErrorTable[script.error].message);
}

/** Loopback, private, link-local and unspecified addresses, and localhost names: fetch refuses them [G]. */
function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (isIP(host) === 6) return host === '::1' || host === '::' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80');
  return false;
}
