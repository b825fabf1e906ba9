import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import { requestHeader } from '../../transport/read-body.ts';

/**
 * A2: open mode accepts any non-empty `Authorization: Bearer <key>`; with `apiKeys` or `users`
 * configured, only their keys. Missing or malformed header → 401 `incorrect_api_key_error`; unknown key → 401 `invalid_authentication_error`.
 * Applied per route, because the real API answers unknown routes (404) before it checks the key.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const check = keyCheck(deps);
  return async (c, next) => {
    check(c);
    await next();
  };
}

/**
 * The same check as `authenticate`, called first thing in a route's handler: on the hot chat route a
 * middleware costs a composed wrapper per request (Hono wraps each handler of a sub-app that has its
 * own `onError`).
 */
export function keyCheck(deps: AppDeps): (c: Context<AppEnv>) => void {
  const allowed = deps.config.apiKeys && new Set(deps.config.apiKeys);
  return (c) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(requestHeader(c, 'authorization') ?? '');
    if (!match) throw new MoonshotError({ kind: 'missing_api_key' });
    const key = match[1]!;
    const listed = allowed?.has(key) || (deps.users.closed && deps.users.findUserByKey(key) !== undefined);
    if ((allowed || deps.users.closed) && !listed) throw new MoonshotError({ kind: 'invalid_api_key' });
    c.set('apiKey', key);
  };
}
