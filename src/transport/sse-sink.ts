import type { Context } from 'hono';
import type { SSEStreamingApi } from 'hono/streaming';
import type { ServerResponse } from 'node:http';

/** Where the sender writes stream text. */
export interface SseSink {
  /**
   * Writes `text`; resolves once it reached the client's socket (behind the Node server) or the
   * response body's reader (in-process). Rejects if the connection is gone.
   */
  write(text: string): Promise<void>;
  /** Drops the connection as a failing network would; in-process the reader's next read rejects with `reason`. */
  break(reason: unknown): void;
  /** Ends the response cleanly. */
  end(): void;
  /** Calls `listener` once if the client goes away before the end. */
  onGone(listener: () => void): void;
}

/**
 * A sink on the Node response itself: its write callback fires once the bytes are handed to the
 * socket, which is what a cut "after N chunks" must count (Hono's streaming helper buffers in a web
 * stream first, so a cut there could drop chunks it had already accepted).
 */
export function nodeSink(outgoing: ServerResponse, headers: Record<string, string>): SseSink {
  outgoing.writeHead(200, headers);
  outgoing.flushHeaders();
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        outgoing.write(text, (error) => (error ? reject(error) : resolve()));
      }),
    break: () => {
      outgoing.destroy();
    },
    end: () => {
      outgoing.end();
    },
    onGone: (listener) => {
      outgoing.once('close', () => {
        if (!outgoing.writableFinished) listener();
      });
    },
  };
}

/**
 * A sink on Hono's `streamSSE` stream, for in-process requests (no socket). Hono has no public way
 * to error a body, hence the reach for the stream's (TypeScript-private) writer.
 */
export function honoSink(stream: SSEStreamingApi): SseSink {
  return {
    write: async (text) => {
      if (stream.aborted || stream.closed) throw new Error('moonshot-mock: the client is gone');
      await stream.write(text);
    },
    break: (reason) => {
      const { writer } = stream as unknown as { writer: WritableStreamDefaultWriter };
      writer.abort(reason).catch(() => {});
    },
    end: () => {},
    onGone: (listener) => stream.onAbort(listener),
  };
}

/** The headers of a stream response: those already set on the context, plus the event-stream ones. */
export function streamHeaders(c: Context): Record<string, string> {
  const prepared = c.newResponse(null, 200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  return Object.fromEntries(prepared.headers);
}
