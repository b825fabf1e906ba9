import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_CLOCK_ADVANCE_MS } from '../clock.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendJson } from '../transport/send-json.ts';
import { requireJsonType } from './require-json-type.ts';
import { parseBody } from '../wire/moonshot/parse-body.ts';
import { readJson } from '../wire/moonshot/read-json.ts';

const clockRequestSchema = z.strictObject({
  advance_ms: z.number().int().nonnegative().max(MAX_CLOCK_ADVANCE_MS, `at most ${MAX_CLOCK_ADVANCE_MS} ms (one year) per call`),
});

/**
 * The emulator's own endpoints (not Moonshot's), outside /v1 and without auth:
 * `GET /_mock/health` answers 200 `{"status":"ok"}` once the server accepts requests (for readiness checks);
 * `POST /_mock/clock {"advance_ms": N}` (N ≤ one year) moves the app clock (rate-limit windows, `created`, waiting
 * delays on a manual clock); `GET /_mock/limits` shows each user's limits and usage;
 * `POST /_mock/reset` resets the app's run state: fixture uses, fault counters and chance, ids,
 * rate-limit usage, cached prompts and the clock offset. POSTs need `Content-Type: application/json` (see requireJsonType).
 */
export function mockAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireJsonType());
  routes.post('/clock', async (c) => {
    const { advance_ms } = parseBody(clockRequestSchema, await readJson(c, 1024 * 1024));
    deps.clock.advance(advance_ms);
    return sendJson(c, { now_ms: deps.clock.now() });
  });
  routes.get('/health', (c) => sendJson(c, { status: 'ok' }));
  routes.get('/limits', async (c) => sendJson(c, { users: await deps.limiter.snapshot() }));
  routes.post('/reset', (c) => {
    deps.state.reset();
    return sendJson(c, { reset: true });
  });
  return routes;
}
