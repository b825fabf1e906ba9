import type { Context } from 'hono';
import type { ServerResponse } from 'node:http';
import { streamSSE } from 'hono/streaming';
import type { SSEStreamingApi } from 'hono/streaming';
import type { Clock } from '../clock.ts';
import type { SseEvent } from '../reply/completion-chunks.ts';
import type { StreamShape } from '../reply/stream-shape.ts';
import type { StreamCut } from './stream-cut.ts';

/** What a stream can be asked to do besides sending its events. */
export interface SseOptions {
  /** A fault that breaks the stream. */
  cut?: StreamCut;
  /** Called once when the stream is over, however it ended (frees a concurrency slot). */
  onEnd?: () => void;
}

/** Drops the connection: the socket behind the Node server, or the in-process body stream. */
function disconnect(c: Context, stream: SSEStreamingApi): void {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing) outgoing.destroy();
  else {
    // In-process there is no socket: error the body instead. Hono has no public way to do that, so
    // this reaches for the stream's (TypeScript-private) writer.
    const { writer } = stream as unknown as { writer: WritableStreamDefaultWriter };
    writer.abort(new Error('moonshot-mock: injected disconnect')).catch(() => {});
  }
  stream.abort();
}

/**
 * Streams events as `data: {json}` lines (comments as `: text`) and ends with `data: [DONE]`.
 * Output deltas are paced on `clock`: `ttftMs` before the first, then `pieces / tokensPerSecond`
 * each. An injected `cut` breaks the stream as real networks and servers do. Stops at once, timers
 * released, when the client goes away.
 */
export function sendSse(c: Context, events: readonly SseEvent[], shape: StreamShape, clock: Clock, options: SseOptions = {}): Response {
  const { cut, onEnd } = options;
  return streamSSE(c, async (stream) => {
    const gone = new AbortController();
    stream.onAbort(() => gone.abort());
    let timer: Promise<void> | undefined;
    if (cut?.kind === 'disconnect' && cut.afterMs !== undefined) {
      timer = clock.sleep(cut.afterMs, gone.signal).then(() => disconnect(c, stream), () => {});
    }
    let sent = 0;
    let first = true;
    try {
      for (const event of events) {
        if (stream.aborted) return;
        if ('comment' in event) {
          await stream.write(`: ${event.comment}\n\n`);
          continue;
        }
        if (cut && cut.kind !== 'disconnect' && sent === cut.afterChunks) {
          if (cut.kind === 'error_event') return void (await stream.writeSSE({ data: JSON.stringify(cut.payload) }));
          if (cut.kind === 'truncate') return;
          if (cut.kind === 'stall') return void (await clock.sleep(cut.capMs, gone.signal));
          await stream.write('data: {"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{\n\n');
        }
        if (cut?.kind === 'disconnect' && sent === cut.afterChunks) return disconnect(c, stream);
        if (event.pieces > 0) {
          const delay = first ? shape.ttftMs : shape.tokensPerSecond ? (event.pieces * 1000) / shape.tokensPerSecond : 0;
          first = false;
          if (delay > 0) await clock.sleep(delay, gone.signal);
        }
        await stream.writeSSE({ data: JSON.stringify(event.data) });
        sent++;
      }
      if (cut?.kind === 'disconnect' && cut.afterMs === undefined) return disconnect(c, stream);
      if (!stream.aborted) await stream.writeSSE({ data: '[DONE]' });
      if (timer) gone.abort();
    } catch (err) {
      if (!gone.signal.aborted) throw err;
    } finally {
      onEnd?.();
    }
  });
}
