import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SSEStreamingApi } from 'hono/streaming';
import { MAX_DELAY_MS, type Clock } from '../clock.ts';
import type { SseEvent } from '../reply/completion-chunks.ts';
import type { StreamShape } from '../reply/stream-shape.ts';
import { destroySocket } from './node-bindings.ts';
import type { StreamCut } from './stream-cut.ts';

/** What a stream can be asked to do besides sending its events. */
export interface SseOptions {
  /** A fault that breaks the stream. */
  cut?: StreamCut;
  /** Called once when the stream is over, however it ended (frees a concurrency slot). */
  onEnd?: () => void;
  /** The client's abort signal: the stream stops, delays end and the body errors when it fires. */
  signal?: AbortSignal;
}

/**
 * Breaks the body as a dropped connection would: destroys the socket behind the Node server, or,
 * in-process (no socket), errors the body stream so the reader's next read rejects with `reason`.
 * Hono has no public way to error the body, hence the reach for the stream's (TypeScript-private) writer.
 */
function breakBody(c: Context, stream: SSEStreamingApi, reason: unknown): void {
  if (destroySocket(c)) {
    stream.abort();
    return;
  }
  const { writer } = stream as unknown as { writer: WritableStreamDefaultWriter };
  writer.abort(reason).catch(() => {});
}

const disconnect = (c: Context, stream: SSEStreamingApi) => breakBody(c, stream, new Error('moonshot-mock: injected disconnect'));

/**
 * Streams events as `data: {json}` lines (comments as `: text`) and ends with `data: [DONE]`.
 * Output deltas are paced on `clock`: `ttftMs` before the first, then `pieces / tokensPerSecond`
 * each. An injected `cut` breaks the stream as real networks and servers do. Stops at once, timers
 * released, when the client goes away.
 */
export function sendSse(c: Context, events: readonly SseEvent[], shape: StreamShape, clock: Clock, options: SseOptions = {}): Response {
  const { cut, onEnd, signal } = options;
  return streamSSE(c, async (stream) => {
    const gone = new AbortController();
    stream.onAbort(() => gone.abort());
    // The client's own abort (in-process there is no socket to close): stop, and fail its reads.
    const onClientAbort = () => {
      gone.abort();
      breakBody(c, stream, signal!.reason);
    };
    if (signal?.aborted) onClientAbort();
    else signal?.addEventListener('abort', onClientAbort, { once: true });
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
          const paced = shape.tokensPerSecond ? Math.min((event.pieces * 1000) / shape.tokensPerSecond, MAX_DELAY_MS) : 0;
          const delay = first ? shape.ttftMs : paced;
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
      signal?.removeEventListener('abort', onClientAbort);
      onEnd?.();
    }
  });
}
