import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeError, type ErrorKind } from '../errors/error-kind.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { sendJson } from './send-json.ts';

/**
 * Hono's `onError` for a dialect: an emulator error becomes its status and the dialect's `envelope`;
 * a client that went away (or whose own timeout fired, or whose body Node's requestTimeout cut) gets nothing worth logging (499, read by
 * nobody); anything else is logged to `log` and answered with a 500 envelope — never a stack trace
 * on the wire.
 */
export function createErrorHandler(envelope: (error: ErrorKind) => object, log: (line: string) => void): ErrorHandler {
  return (err, c) => {
    if (err instanceof MoonshotError) return sendJson(c, envelope(err.error), describeError(err.error).status);
    if (err instanceof HTTPException) return err.getResponse();
    // ECONNRESET: Node's requestTimeout cut a trickling body (or the client reset) while it was read.
    const clientGone = err.name === 'AbortError' || err.name === 'TimeoutError' || (err as { code?: unknown }).code === 'ECONNRESET';
    if (clientGone) return c.body(null, 499 as never);
    log(`moonshot-mock: internal error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return sendJson(c, envelope({ kind: 'server_error', message: 'Internal server error' }), 500);
  };
}
