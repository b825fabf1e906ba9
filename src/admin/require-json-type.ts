import type { MiddlewareHandler } from 'hono';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { requestHeader } from '../transport/read-body.ts';

/**
 * Refuses (415) a POST whose `Content-Type` is not `application/json`. A web page can send a
 * `text/plain` or form POST to any origin without asking (a "simple" request, even with
 * `mode: 'no-cors'`); `application/json` needs a CORS preflight first, which the emulator never
 * grants. So no page on another origin can reset or move the emulator's state.
 */
export function requireJsonType(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const type = requestHeader(c, 'content-type') ?? '';
      if (type.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
        throw new MoonshotError({ kind: 'json_content_type_required', route: `${c.req.method} ${c.req.path}`, got: type });
      }
    }
    await next();
  };
}
