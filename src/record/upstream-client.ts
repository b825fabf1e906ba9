import { createParser } from 'eventsource-parser';
import type { Clock } from '../clock.ts';
import type { ArrivedChunk } from './assemble-stream-reply.ts';

/** Response headers that describe the upstream connection, not the answer: never passed on. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/** What came back from the upstream, once its response headers arrived. */
export interface UpstreamAnswer {
  /** The answer for the client: the upstream's status, headers and body, the body passed on as it arrives. */
  response: Response;
  /**
   * Settles when the body has been passed on: the status, and the body's text (non-stream or error)
   * or its parsed SSE events with their arrival times. `complete` is false when the stream broke or the
   * client went away before `[DONE]`.
   */
  done: Promise<{ status: number; retryAfter: string | null; text?: string; chunks?: ArrivedChunk[]; complete: boolean }>;
}

/** A failure to get any answer (unreachable, TLS, timeout): `reason` says which, in a few words. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
}

/** The upstream base URL as shown to users: no credentials, query or fragment. */
export function shownUpstream(base: string): string {
  const url = new URL(base);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** `fetch failed` says nothing: the cause has the code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…). */
function reasonOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const text = cause?.message || (err as Error).message || String(err);
  return cause?.code && !text.includes(cause.code) ? `${cause.code}: ${text}` : text;
}

/**
 * POSTs `body` to `{upstream}/chat/completions` with the caller's `authorization`. Waits at most
 * `timeoutMs` of `clock` for the response headers, then passes the body on chunk by chunk as it
 * arrives, taking note of each SSE event on the way. `onEnd` is called once the body is over, however
 * it ended; a stream that breaks off is passed on as a dropped connection (`dropClient`). Throws
 * `UpstreamError` when no answer comes; the client's abort cancels the upstream call.
 */
export async function callUpstream(options: {
  upstream: string;
  body: string;
  authorization: string | undefined;
  accept: string | undefined;
  timeoutMs: number;
  clock: Clock;
  signal?: AbortSignal;
  onEnd?: () => void;
  /**
   * Drops the client's connection when the upstream's breaks mid-stream, as the break would have
   * reached the client straight from the upstream; true if it did (false in-process: the body errors).
   */
  dropClient?: () => boolean;
}): Promise<UpstreamAnswer> {
  const { clock, signal, onEnd } = options;
  const timer = new AbortController();
  const timedOut = clock.sleep(options.timeoutMs, timer.signal).then(() => true, () => false);
  const gaveUp = new AbortController();
  void timedOut.then((fired) => fired && gaveUp.abort(new UpstreamError(`no answer within ${options.timeoutMs} ms`)));
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: options.accept ?? 'application/json' };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  let upstream: Response;
  try {
    upstream = await fetch(`${options.upstream.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST', headers, body: options.body, signal: signal ? AbortSignal.any([signal, gaveUp.signal]) : gaveUp.signal,
    });
  } catch (err) {
    timer.abort();
    if (signal?.aborted) throw err;
    if (gaveUp.signal.aborted) throw gaveUp.signal.reason as UpstreamError;
    throw new UpstreamError(reasonOf(err));
  }
  timer.abort();
  const passed = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) passed.set(name, value);
  });
  const retryAfter = upstream.headers.get('retry-after');
  const isStream = upstream.ok && (upstream.headers.get('content-type') ?? '').startsWith('text/event-stream') && upstream.body !== null;
  if (!isStream) {
    let text: string;
    try {
      text = await upstream.text();
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new UpstreamError(`the answer broke off: ${reasonOf(err)}`);
    } finally {
      onEnd?.();
    }
    return { response: new Response(text, { status: upstream.status, headers: passed }), done: Promise.resolve({ status: upstream.status, retryAfter, text, complete: true }) };
  }
  const chunks: ArrivedChunk[] = [];
  let complete = false;
  let settle!: (value: Awaited<UpstreamAnswer['done']>) => void;
  const done = new Promise<Awaited<UpstreamAnswer['done']>>((resolve) => (settle = resolve));
  const finish = () => {
    onEnd?.();
    settle({ status: upstream.status, retryAfter, chunks, complete });
  };
  const parser = createParser({
    onEvent: (event) => {
      if (event.data === '[DONE]') complete = true;
      else {
        try {
          chunks.push({ data: JSON.parse(event.data) as unknown, at: clock.now() });
        } catch {
          // A malformed event goes to the client as it came; the recording keeps what parses.
        }
      }
    },
  });
  const decoder = new TextDecoder();
  const reader = upstream.body!.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done: ended } = await reader.read();
        if (ended) {
          parser.feed(decoder.decode());
          controller.close();
          return finish();
        }
        parser.feed(decoder.decode(value, { stream: true }));
        controller.enqueue(value);
      } catch (err) {
        complete = false;
        // Behind the Node server an errored body would be logged and its message written to the client.
        if (options.dropClient?.()) controller.close();
        else controller.error(err);
        finish();
      }
    },
    async cancel(reason) {
      complete = false;
      await reader.cancel(reason).catch(() => {});
      finish();
    },
  });
  return { response: new Response(body, { status: upstream.status, headers: passed }), done };
}
