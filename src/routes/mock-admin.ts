import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../deps.ts';
import { parseBody } from '../moonshot/parse-body.ts';
import { sendJson } from '../transport/send-json.ts';
import { readJson } from './read-json.ts';

const clockRequestSchema = z.strictObject({ advance_ms: z.number().int().nonnegative() });

/**
 * The emulator's own endpoints (not Moonshot's), outside /v1 and without auth:
 * `POST /_mock/clock {"advance_ms": N}` moves the app clock (rate-limit windows, `created`, waiting
 * delays on a manual clock); `GET /_mock/limits` shows each user's limits and usage;
 * `POST /_mock/reset` forgets fixture and fault call counts and rate-limit usage, puts every balance
 * back to the starting one, deletes every uploaded file (from the data folder too) and stops and
 * forgets every batch.
 */
export function mockAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/clock', async (c) => {
    const { advance_ms } = parseBody(clockRequestSchema, await readJson(c, 1024 * 1024));
    deps.clock.advance(advance_ms);
    return sendJson(c, { now_ms: deps.clock.now() });
  });
  routes.get('/limits', (c) => sendJson(c, { users: deps.limiter.snapshot() }));
  routes.post('/reset', async (c) => {
    deps.fixtures.resetCalls();
    deps.faults.reset();
    deps.limiter.reset();
    deps.balances.reset();
    deps.batches.reset();
    await deps.files.reset();
    return sendJson(c, { reset: true });
  });
  return routes;
}
