import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';

/**
 * A2: open mode accepts any non-empty `Authorization: Bearer <key>`; with `apiKeys` configured, only
 * those. Missing or malformed header → 401 `incorrect_api_key_error`; unknown key → 401 `invalid_authentication_error`.
 * Applied per route, because the real API answers unknown routes (404) before it checks the key.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler {
  const allowed = deps.config.apiKeys && new Set(deps.config.apiKeys);
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match) throw new MoonshotError({ kind: 'missing_api_key' });
    if (allowed && !allowed.has(match[1]!)) throw new MoonshotError({ kind: 'invalid_api_key' });
    await next();
  };
}
