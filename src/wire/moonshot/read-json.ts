import type { Context } from 'hono';
import { invalidRequest } from '../../errors/moonshot-error.ts';
import { readBodyText } from '../../transport/read-body.ts';

/** Reads the body as JSON; an empty, oversized or malformed body is a 400 `invalid_request_error`, never a 500. */
export async function readJson(c: Context, limitBytes: number): Promise<unknown> {
  const text = await readBodyText(c, limitBytes);
  if (text.trim() === '') throw invalidRequest('the request body is empty, expected a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest('the request body is not valid JSON');
  }
}
