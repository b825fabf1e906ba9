import * as z from 'zod';
import { invalidRequest } from '../errors/moonshot-error.ts';
import { parseBody } from '../wire/flow/parse-body.ts';

const HOUR = 3600;

/** The body of `POST /v1/batches`. */
export const createBatchSchema = z.object({
  input_file_id: z.string(),
  endpoint: z.string(),
  completion_window: z.string(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

export type CreateBatchRequest = z.output<typeof createBatchSchema>;

/**
 * Parses and checks a create body: `endpoint` must be `/v1/chat/completions`, `completion_window`
 * a whole number of hours or days between 12h and 7d ("24h", "1d"), `metadata` at most 16 pairs with
 * keys ≤ 64 and values ≤ 512 characters. Returns the request and the window in seconds. [G] wordings.
 */
export function parseCreateBatch(body: unknown): { request: CreateBatchRequest; windowSeconds: number } {
  const request = parseBody(createBatchSchema, body);
  if (request.endpoint !== '/v1/chat/completions') {
    throw invalidRequest(`endpoint ${request.endpoint} is not supported, only /v1/chat/completions`);
  }
  const match = /^(\d+)([hd])$/.exec(request.completion_window);
  const windowSeconds = match ? Number(match[1]) * (match[2] === 'd' ? 24 * HOUR : HOUR) : NaN;
  if (!(windowSeconds >= 12 * HOUR && windowSeconds <= 7 * 24 * HOUR)) {
    throw invalidRequest(`completion_window ${request.completion_window} is invalid: use hours or days between 12h and 7d, e.g. "24h" or "1d"`);
  }
  const entries = Object.entries(request.metadata ?? {});
  if (entries.length > 16) throw invalidRequest('metadata must have at most 16 key-value pairs');
  for (const [key, value] of entries) {
    if (key.length > 64) throw invalidRequest(`metadata key ${key.slice(0, 16)}… is longer than 64 characters`);
    if (value.length > 512) throw invalidRequest(`metadata value of ${key} is longer than 512 characters`);
  }
  return { request, windowSeconds };
}
