import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Clock } from '../clock.ts';
import type { SseEvent } from '../reply/completion-chunks.ts';
import type { StreamShape } from '../reply/stream-shape.ts';

/**
 * Streams events as `data: {json}` lines (comments as `: text`) and ends with `data: [DONE]`.
 * Output deltas are paced on `clock`: `ttftMs` before the first, then `pieces / tokensPerSecond`
 * each. Stops at once, timers released, when the client goes away.
 */
export function sendSse(c: Context, events: readonly SseEvent[], shape: StreamShape, clock: Clock): Response {
  return streamSSE(c, async (stream) => {
    const gone = new AbortController();
    stream.onAbort(() => gone.abort());
    let first = true;
    try {
      for (const event of events) {
        if (stream.aborted) return;
        if ('comment' in event) {
          await stream.write(`: ${event.comment}\n\n`);
          continue;
        }
        if (event.pieces > 0) {
          const delay = first ? shape.ttftMs : shape.tokensPerSecond ? (event.pieces * 1000) / shape.tokensPerSecond : 0;
          first = false;
          if (delay > 0) await clock.sleep(delay, gone.signal);
        }
        await stream.writeSSE({ data: JSON.stringify(event.data) });
      }
      if (!stream.aborted) await stream.writeSSE({ data: '[DONE]' });
    } catch (err) {
      if (!gone.signal.aborted) throw err;
    }
  });
}
