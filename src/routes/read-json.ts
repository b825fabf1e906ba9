import type { Context } from 'hono';
import { invalidRequest } from '../errors/moonshot-error.ts';

/** Reads the body as JSON; an empty or malformed body is a 400 `invalid_request_error`, never a 500. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw invalidRequest('the request body is empty, expected a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest('the request body is not valid JSON');
  }
}
