import type { Context } from 'hono';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { nodeBindings } from './node-bindings.ts';

const tooLarge = (limitBytes: number) => new MoonshotError({ kind: 'body_too_large', limitBytes });

/**
 * The request body as text, refused (400) past `limitBytes`. Behind @hono/node-server it reads the
 * Node request stream directly: going through `c.req` would build a WHATWG Request with a web stream
 * first, which costs about 40 µs per request — a third of a small completion. It listens for the
 * stream's events rather than iterating it (`for await` adds an iterator, end-of-stream watchers and a
 * promise per chunk). In-process (`app.request`) it counts the Request's own body stream as it reads.
 * (Not Hono's `bodyLimit`: it replaces the Request with one whose signal follows the original's, and
 * on Node 20 every such pair stays in memory — about 1.8 kB per request, measured over 12,000
 * in-process requests.) A client that goes away mid-body rejects it with ECONNRESET (answered 499).
 */
export function readBodyText(c: Context, limitBytes: number): Promise<string> {
  const { incoming } = nodeBindings(c);
  if (!incoming) return readWebBody(c.req.raw, limitBytes);
  const declared = Number(incoming.headers['content-length']);
  if (declared > limitBytes) return Promise.reject(tooLarge(limitBytes));
  return new Promise((resolve, reject) => {
    // With a Content-Length (which Node holds the body to), chunks are copied into one buffer as they
    // come, so a 100 MB body never sits in memory twice.
    const whole = declared > 64 * 1024 ? Buffer.allocUnsafe(declared) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limitBytes) {
        stop();
        // The rest of the body is read and dropped by Node once the 400 has been sent.
        return reject(tooLarge(limitBytes));
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    const onEnd = () => {
      stop();
      if (whole) resolve(whole.toString('utf8', 0, size));
      else resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => onError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/** Reads a WHATWG Request's body as text, refused past `limitBytes` (declared or counted). */
async function readWebBody(request: Request, limitBytes: number): Promise<string> {
  if (Number(request.headers.get('content-length')) > limitBytes) throw tooLarge(limitBytes);
  if (request.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** Whether the request came through the Node server (so `readBodyText` enforces the limit itself). */
export function isNodeRequest(c: Context): boolean {
  return nodeBindings(c).incoming !== undefined;
}

/** Where a socket keeps the signal of its client going away (see `requestSignal`). */
const clientGone = Symbol('moonshot-mock.clientGone');

/**
 * An AbortSignal that fires when the client goes away before the response is complete. Behind the
 * Node server it is the connection's: an HTTP/1.1 response can only be broken off by closing its
 * socket, so one signal per connection, made at its first request, fires exactly when this request's
 * would (a per-request AbortController and close listener cost ~3% of a small completion). A signal
 * of a finished request may fire later, when its connection closes: by then nothing waits on it. Use
 * `ownRequestSignal` where the signal is handed to something that keeps it (`AbortSignal.any`).
 * In-process it is the signal of the Request as it arrived: a middleware may replace `c.req.raw`
 * (Hono's bodyLimit does), and a replaced Request's signal only follows the caller's while the
 * original Request is alive, which the context keeps it.
 */
export function requestSignal(c: Context): AbortSignal {
  const { incoming, outgoing } = nodeBindings(c);
  if (!outgoing || !incoming) return ((c.get('clientRequest') as Request | undefined) ?? c.req.raw).signal;
  const socket = incoming.socket as typeof incoming.socket & { [clientGone]?: AbortSignal };
  const known = socket[clientGone];
  if (known !== undefined) return known;
  const controller = new AbortController();
  socket.once('close', () => controller.abort());
  if (socket.destroyed) controller.abort();
  socket[clientGone] = controller.signal;
  return controller.signal;
}

/** Like `requestSignal`, but this request's own: it fires only if the client goes away before this response is complete. */
export function ownRequestSignal(c: Context): AbortSignal {
  const { outgoing } = nodeBindings(c);
  if (!outgoing) return requestSignal(c);
  const controller = new AbortController();
  const gone = () => {
    if (!outgoing.writableFinished) controller.abort();
  };
  if (outgoing.destroyed) gone();
  else outgoing.once('close', gone);
  return controller.signal;
}

/**
 * One request header (`name` in lower case). Behind the Node server it reads Node's own header object:
 * going through `c.req` would build a WHATWG Headers object first, a few percent of a small completion.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const { incoming } = nodeBindings(c);
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
