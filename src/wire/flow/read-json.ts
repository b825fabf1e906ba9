import type { Context } from 'hono';
import type { AppEnv } from '../../deps.ts';
import { invalidRequest } from '../../errors/moonshot-error.ts';
import { readBodyText } from '../../transport/read-body.ts';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './exceeds-json-depth.ts';

/**
 * Reads the body as JSON; an empty, oversized, malformed or too deeply nested (past MAX_JSON_DEPTH)
 * body is a 400 `invalid_request_error`, never a 500. The text (and the value, once parsed) stay on
 * the context for the journal.
 */
export async function readJson(c: Context<AppEnv>, limitBytes: number): Promise<unknown> {
  const text = await readBodyText(c, limitBytes);
  const body: { text: string; value?: unknown } = { text };
  c.set('body', body);
  // (Only a text starting with whitespace can be all whitespace: most bodies skip the trim.)
  if (text === '' || (text.charCodeAt(0) <= 32 && text.trim() === '')) throw invalidRequest('the request body is empty, expected a JSON object');
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
    throw invalidRequest(`the request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`);
  }
  try {
    body.value = JSON.parse(text);
  } catch {
    throw invalidRequest('the request body is not valid JSON');
  }
  return body.value;
}
