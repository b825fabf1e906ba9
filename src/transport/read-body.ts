import type { Context } from 'hono';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { nodeBindings } from './node-bindings.ts';

const tooLarge = (limitBytes: number) => new MoonshotError({ kind: 'body_too_large', limitBytes });

/**
 * The request body as text, refused (400) past `limitBytes`. Behind @hono/node-server it reads the
 * Node request stream directly: going through `c.req` would build a WHATWG Request with a web stream
 * first, which costs about 40 µs per request — a third of a small completion. In-process
 * (`app.request`) it reads `c.req`, where Hono's `bodyLimit` middleware has already applied the limit.
 */
export async function readBodyText(c: Context, limitBytes: number): Promise<string> {
  const { incoming } = nodeBindings(c);
  if (!incoming) return c.req.text();
  const declared = Number(incoming.headers['content-length']);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  // With a Content-Length (which Node holds the body to), chunks are copied into one buffer as they
  // come, so a 100 MB body never sits in memory twice.
  const whole = declared > 64 * 1024 ? Buffer.allocUnsafe(declared) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    if (size + chunk.length > limitBytes) throw tooLarge(limitBytes);
    if (whole) chunk.copy(whole, size);
    else chunks.push(chunk);
    size += chunk.length;
  }
  if (whole) return whole.toString('utf8', 0, size);
  return chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
}

/** Whether the request came through the Node server (so `readBodyText` enforces the limit itself). */
export function isNodeRequest(c: Context): boolean {
  return nodeBindings(c).incoming !== undefined;
}

/**
 * An AbortSignal that fires when the client goes away before the response is complete. Behind the
 * Node server it listens to the socket (cheaper than materialising `c.req.raw`). In-process it is the
 * signal of the Request as it arrived: a middleware may replace `c.req.raw` (Hono's bodyLimit does),
 * and a replaced Request's signal only follows the caller's while the original Request is alive,
 * which the context keeps it.
 */
export function requestSignal(c: Context): AbortSignal {
  const { outgoing } = nodeBindings(c);
  if (!outgoing) return ((c.get('clientRequest') as Request | undefined) ?? c.req.raw).signal;
  const controller = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort();
  });
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
