import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import { requestHeader } from '../../transport/read-body.ts';

/** The key of `Authorization: Bearer <key>`; undefined when the header is missing or malformed. */
export function bearerKey(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(requestHeader(c, 'authorization') ?? '')?.[1];
}

/**
 * A2: open mode accepts any non-empty key; with `apiKeys` or `users` configured, only their keys.
 * No key (`readKey` finds none; by default a Bearer header) → 401 `incorrect_api_key_error`; unknown
 * key → 401 `invalid_authentication_error`, each in the envelope of the dialect whose `onError` catches it.
 * Applied per route, because the real API answers unknown routes (404) before it checks the key.
 */
export function authenticate(deps: AppDeps, readKey: (c: Context) => string | undefined = bearerKey): MiddlewareHandler<AppEnv> {
  const check = keyCheck(deps, readKey);
  return async (c, next) => {
    check(c);
    await next();
  };
}

/**
 * The same check as `authenticate`, called first thing in a route's handler: on the hot chat route a
 * middleware would be one more step of Hono's composition on every request.
 */
export function keyCheck(deps: AppDeps, readKey: (c: Context) => string | undefined = bearerKey): (c: Context<AppEnv>) => void {
  const allowed = deps.config.apiKeys && new Set(deps.config.apiKeys);
  return (c) => {
    const key = readKey(c);
    if (!key) throw new MoonshotError({ kind: 'missing_api_key' });
    const listed = allowed?.has(key) || (deps.users.closed && deps.users.findUserByKey(key) !== undefined);
    if ((allowed || deps.users.closed) && !listed) throw new MoonshotError({ kind: 'invalid_api_key' });
    c.set('apiKey', key);
  };
}
