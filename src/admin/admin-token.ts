import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { sendJson } from '../transport/send-json.ts';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Locks the admin routes behind `Authorization: Bearer <token>` when a token is configured: anything
 * else gets 401 with a message saying what to send. `GET /_mock/health` stays open, so readiness
 * checks (the container's HEALTHCHECK, CI scripts) need no secret; it reveals nothing. Compared in
 * constant time; the token is never logged or journaled.
 */
export function requireAdminToken(token: string | undefined): MiddlewareHandler<AppEnv> {
  const expected = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    if (expected === undefined || (c.req.method === 'GET' && c.req.path.endsWith('/_mock/health'))) return next();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
    const message = match
      ? 'moonshot-mock: the admin token does not match. Send the --admin-token value as `Authorization: Bearer <token>`'
      : 'moonshot-mock: /_mock/* needs the admin token (the server runs with --admin-token). Send it as `Authorization: Bearer <token>`';
    return sendJson(c, { error: { message, type: 'invalid_authentication_error' } }, 401);
  };
}
