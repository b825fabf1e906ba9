import { Hono } from 'hono';
import * as z from 'zod';
import { MAX_CLOCK_ADVANCE_MS } from '../clock.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { sendJson } from '../transport/send-json.ts';
import { adminOpenApi } from './admin-openapi.ts';
import { requireAdminToken } from './admin-token.ts';
import { fixtureRoutes } from './fixture-routes.ts';
import { journalRoutes } from './journal-routes.ts';
import { parseBody } from '../wire/flow/parse-body.ts';
import { namedNamespace, readAdminJson } from './parse-admin-input.ts';
import { requireJsonType } from './require-json-type.ts';

const clockRequestSchema = z.strictObject({
  advance_ms: z.number().int().nonnegative().max(MAX_CLOCK_ADVANCE_MS, `at most ${MAX_CLOCK_ADVANCE_MS} ms (one year) per call`),
});

/**
 * The emulator's own endpoints (not Moonshot's), outside /v1, locked by `adminToken` when set:
 * `POST /_mock/clock {"advance_ms": N}` (N ≤ one year) moves the app clock; `GET /_mock/limits`
 * shows each user's limits and usage in a namespace; `POST /_mock/reset` resets everything (balances, files and batches too), or one
 * namespace with `?namespace=`; `GET /_mock/namespaces`, `DELETE /_mock/namespaces/{name}`; the
 * journal (`/requests`, `/verify`), runtime fixtures and scenarios; `GET /_mock/health` (200 `{"status":"ok"}` once the server accepts requests, for readiness checks); and this
 * API's OpenAPI document at `GET /_mock/openapi.json`. POSTs need a JSON (or, for fixtures, YAML)
 * `Content-Type` (see requireJsonType).
 */
export function mockAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireAdminToken(deps.config.adminToken));
  routes.use('*', requireJsonType());
  routes.get('/health', (c) => sendJson(c, { status: 'ok' }));
  routes.get('/openapi.json', (c) => sendJson(c, adminOpenApi()));
  routes.post('/clock', async (c) => {
    const { advance_ms } = parseBody(clockRequestSchema, await readAdminJson(c, deps));
    deps.clock.advance(advance_ms);
    return sendJson(c, { now_ms: deps.clock.now() });
  });
  routes.get('/limits', async (c) => {
    const namespace = deps.namespaces.get(namedNamespace(c));
    return sendJson(c, { namespace: namespace.name, users: await namespace.limiter.snapshot() });
  });
  routes.post('/reset', (c) => {
    const name = namedNamespace(c);
    if (name === undefined || name === '*') deps.namespaces.resetAll();
    else deps.namespaces.find(name)?.reset();
    return sendJson(c, name === undefined || name === '*' ? { reset: true } : { reset: true, namespace: name });
  });
  routes.get('/namespaces', (c) =>
    sendJson(c, {
      namespaces: deps.namespaces.names().map((name) => {
        const namespace = deps.namespaces.find(name)!;
        return { name, requests: namespace.state.journal.entries().length, runtimeFixtures: namespace.runtime.current().length };
      }),
      max: deps.config.maxNamespaces,
    }),
  );
  routes.delete('/namespaces/:name', (c) => sendJson(c, { dropped: deps.namespaces.drop(c.req.param('name')) }));
  routes.route('/', journalRoutes(deps));
  routes.route('/', fixtureRoutes(deps));
  return routes;
}
