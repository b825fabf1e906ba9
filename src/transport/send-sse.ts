import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

/**
 * Streams chunk objects as `data: {json}` events and ends with `data: [DONE]`.
 * Stops writing at once if the client goes away.
 */
export function sendSse(c: Context, chunks: readonly object[]): Response {
  return streamSSE(c, async (stream) => {
    for (const chunk of chunks) {
      if (stream.aborted) return;
      await stream.writeSSE({ data: JSON.stringify(chunk) });
    }
    if (!stream.aborted) await stream.writeSSE({ data: '[DONE]' });
  });
}
