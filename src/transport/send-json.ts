import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A JSON response with the live API's `Content-Type: application/json; charset=utf-8`. One header in
 * a plain object (lower case, as a Headers object would send it) lets @hono/node-server write it as is.
 */
export function sendJson(c: Context, body: unknown, status: ContentfulStatusCode = 200): Response {
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/json; charset=utf-8' });
}
