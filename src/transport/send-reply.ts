import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { MAX_DELAY_MS, type Clock } from '../clock.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import type { Outgoing } from '../reply/reply-plan.ts';
import { destroySocket, nodeBindings } from './node-bindings.ts';
import { sendJson } from './send-json.ts';
import { honoSink, nodeSink, streamHeaders, type SseSink } from './sse-sink.ts';
import type { WireEncoder } from './wire-encoder.ts';

/** What the sender needs besides the reply. */
export interface SendOptions {
  encoder: WireEncoder;
  clock: Clock;
  /** The client's abort signal: delays end and the stream stops when it fires. */
  signal: AbortSignal;
  /** Called once when the response is over, however it ended (frees a concurrency slot). */
  onEnd: () => void;
  /** Where an unexpected failure of a stream already under way goes. */
  log: (line: string) => void;
}

const injectedDisconnect = () => new Error('moonshot-mock: injected disconnect');

/** Drops the connection without an answer: the socket behind the Node server, or an erroring body in-process. */
function brokenResponse(c: Context): Response {
  destroySocket(c);
  return new Response(new ReadableStream({ start: (controller) => controller.error(injectedDisconnect()) }));
}

async function sendJsonReply(c: Context, out: Extract<Outgoing, { kind: 'json' }>, options: SendOptions): Promise<Response> {
  const { clock, signal, encoder } = options;
  const { cut } = out;
  if (cut === undefined) return sendJson(c, encoder.body(out.completion));
  switch (cut.kind) {
    case 'disconnect':
      await clock.sleep(cut.afterMs, signal);
      return brokenResponse(c);
    case 'stall':
      await clock.sleep(cut.capMs, signal);
      return brokenResponse(c);
    case 'error':
      throw new MoonshotError(cut.error);
    case 'half': {
      const text = JSON.stringify(encoder.body(out.completion));
      return c.body(text.slice(0, Math.ceil(text.length / 2)), 200, { 'content-type': 'application/json; charset=utf-8' });
    }
  }
}

/**
 * Writes a stream to `sink`: `data: {json}` lines (after an `event:` line when the event is named;
 * comments as `: text`) and the dialect's end line.
 * Output deltas are paced on the clock (`ttftMs` before the first, then `pieces / tokensPerSecond`
 * each). A cut breaks the stream as networks and servers do, counting chunks that reached the sink; a
 * cut by time holds the stream open (no end line) until it strikes. Stops at once, timers released,
 * when the client goes away.
 */
async function writeStream(sink: SseSink, out: Extract<Outgoing, { kind: 'stream' }>, options: SendOptions): Promise<void> {
  const { encoder, clock, signal, onEnd } = options;
  const { cut, shape } = out;
  const gone = new AbortController();
  const stop = (reason: unknown) => {
    gone.abort();
    sink.break(reason);
  };
  sink.onGone(() => gone.abort());
  const onClientAbort = () => stop(signal.reason);
  if (signal.aborted) onClientAbort();
  else signal.addEventListener('abort', onClientAbort, { once: true });
  const timer = cut?.kind === 'disconnect' && cut.afterMs !== undefined
    ? clock.sleep(cut.afterMs, gone.signal).then(() => stop(injectedDisconnect()), () => {})
    : undefined;
  const write = (data: string, event?: string) => sink.write(`${event === undefined ? '' : `event: ${event}\n`}data: ${data}\n\n`);
  let sent = 0;
  let first = true;
  try {
    for (const event of encoder.chunks(out.completion, out.includeUsage, shape)) {
      if (gone.signal.aborted) return;
      if ('comment' in event) {
        await sink.write(`: ${event.comment}\n\n`);
        continue;
      }
      if (cut && cut.afterChunks === sent) {
        switch (cut.kind) {
          case 'disconnect':
            return stop(injectedDisconnect());
          case 'error_event': {
            const { data, event: name } = encoder.errorEvent(cut.error, sent);
            await write(JSON.stringify(data), name);
            return sink.end();
          }
          case 'truncate':
            return sink.end();
          case 'stall':
            await clock.sleep(cut.capMs, gone.signal);
            return sink.end();
          case 'malformed_chunk':
            await write(encoder.malformed.data, encoder.malformed.event);
        }
      }
      if (event.pieces > 0) {
        const paced = shape.tokensPerSecond ? Math.min((event.pieces * 1000) / shape.tokensPerSecond, MAX_DELAY_MS) : 0;
        const delay = first ? shape.ttftMs : paced;
        first = false;
        if (delay > 0) await clock.sleep(delay, gone.signal);
      }
      await write(JSON.stringify(event.data), event.event);
      sent++;
    }
    if (timer) return await timer;
    if (cut?.kind === 'disconnect') return stop(injectedDisconnect());
    if (encoder.done !== undefined) await write(encoder.done);
    sink.end();
  } catch (error) {
    if (!gone.signal.aborted) throw error;
  } finally {
    signal.removeEventListener('abort', onClientAbort);
    gone.abort();
    onEnd();
  }
}

/**
 * The one sender: executes an `Outgoing` plan after its delay. An error is thrown for the dialect's
 * error handler (with the plan's headers set); JSON is sent or broken by its cut; a stream goes
 * straight onto the Node response behind the Node server (so cuts are measured on the socket), or
 * through Hono's `streamSSE` in-process. `onEnd` runs once, when the response is over. A whole JSON
 * answer with no delay is sent at once; everything else returns a promise.
 */
export function sendReply(c: Context, out: Outgoing, options: SendOptions): Response | Promise<Response> {
  if (out.delayMs > 0 || out.kind !== 'json' || out.cut !== undefined) return sendPlanned(c, out, options);
  // The common answer, whole and at once: no promise.
  try {
    return sendJson(c, options.encoder.body(out.completion));
  } finally {
    options.onEnd();
  }
}

async function sendPlanned(c: Context, out: Outgoing, options: SendOptions): Promise<Response> {
  let streaming = false;
  try {
    if (out.delayMs > 0) await options.clock.sleep(out.delayMs, options.signal);
    if (out.kind === 'json') return await sendJsonReply(c, out, options);
    if (out.kind === 'stream') {
      streaming = true;
      return startStream(c, out, options);
    }
    for (const [name, value] of Object.entries(out.headers)) c.header(name, value);
    throw new MoonshotError(out.error);
  } finally {
    if (!streaming) options.onEnd();
  }
}

/** Starts a stream: on the Node response itself behind the Node server, through `streamSSE` in-process. */
function startStream(c: Context, out: Extract<Outgoing, { kind: 'stream' }>, options: SendOptions): Response {
  const { outgoing } = nodeBindings(c);
  const failed = (error: unknown) => options.log(`moonshot-mock: a stream failed: ${error instanceof Error ? error.stack : String(error)}`);
  if (!outgoing) return streamSSE(c, (stream) => writeStream(honoSink(stream), out, options), async (error) => failed(error));
  writeStream(nodeSink(outgoing, streamHeaders(c)), out, options).catch((error: unknown) => {
    failed(error);
    outgoing.destroy();
  });
  return RESPONSE_ALREADY_SENT;
}
