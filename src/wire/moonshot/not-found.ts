import type { Context } from 'hono';
import { sendJson } from '../../transport/send-json.ts';

/** Moonshot's answer to an unknown route (live capture): 404 with its own non-OpenAI body, before any key check. */
export function notFound(c: Context): Response {
  return sendJson(c, {
    code: 5, error: 'url.not_found', message: '没找到对象', method: c.req.method, scode: '0x5', status: false, url: c.req.path,
  }, 404);
}
