import type { Context } from 'hono';
import type { RequestIds } from '../state/id-source.ts';
import { nodeBindings } from './node-bindings.ts';

/**
 * Sets the `Msh-Request-Id` of a response. Behind the Node server the header goes on the Node response
 * itself, which `writeHead` merges into every answer (JSON, error or stream; a header the answer sets,
 * like a passed-on upstream id, wins): a header set through `c.header` makes Hono build a WHATWG
 * Headers object for every response. In-process it is set on the context.
 */
export function setRequestId(c: Context, ids: RequestIds): void {
  const { outgoing } = nodeBindings(c);
  if (outgoing) outgoing.setHeader('msh-request-id', ids.requestId);
  else c.header('Msh-Request-Id', ids.requestId);
}
