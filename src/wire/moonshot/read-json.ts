import type { Context } from 'hono';
import { invalidRequest } from '../../errors/moonshot-error.ts';
import { readBodyText } from '../../transport/read-body.ts';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './exceeds-json-depth.ts';

/**
 * Reads the body as JSON; an empty, oversized, malformed or too deeply nested (past MAX_JSON_DEPTH)
 * body is a 400 `invalid_request_error`, never a 500.
 */
export async function readJson(c: Context, limitBytes: number): Promise<unknown> {
  const text = await readBodyText(c, limitBytes);
  if (text.trim() === '') throw invalidRequest('the request body is empty, expected a JSON object');
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
    throw invalidRequest(`the request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest('the request body is not valid JSON');
  }
}
