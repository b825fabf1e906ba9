import type { Context } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What @hono/node-server passes as `c.env`; both absent in-process (`app.request`). */
export interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

/** The Node request and response behind a context, when there are any. */
export function nodeBindings(c: Context): NodeBindings {
  return (c.env as NodeBindings | undefined) ?? {};
}

/** Drops the connection as a failing network would; false in-process, where there is no socket. */
export function destroySocket(c: Context): boolean {
  const { outgoing } = nodeBindings(c);
  outgoing?.destroy();
  return outgoing !== undefined;
}
