import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.ts';
import { describeError } from '../errors/error-kind.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import type { JournalEntry, JournalNote } from '../state/journal-entry.ts';
import { requestHeader } from '../transport/read-body.ts';
import { setRequestId } from '../transport/request-id.ts';

/** Whether a path is one of the emulator's own routes (`/_mock/*`), which are not journaled. */
export function isAdminPath(path: string): boolean {
  return path === '/_mock' || path.startsWith('/_mock/');
}

/**
 * Middleware for every non-admin request: finds its namespace (`x-mock-namespace`, created on first
 * use), draws its ids from that namespace, lets the route fill in a `JournalNote`, and journals the
 * request once the response has started. Headers are never journaled, so neither are keys. `check`
 * runs once the ids are drawn; a request it refuses (throws for) is not journaled.
 */
export function journalRequests(deps: AppDeps, check: (c: Context) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const namespace = deps.namespaces.get(requestHeader(c, 'x-mock-namespace'));
    const ids = namespace.state.ids.next();
    c.set('namespace', namespace);
    c.set('ids', ids);
    setRequestId(c, ids);
    check(c);
    const note: JournalNote = {};
    c.set('journalNote', note);
    const time = deps.clock.now();
    await next();
    const entry: JournalEntry = {
      seq: 0, // numbered by the journal
      requestId: ids.requestId,
      time,
      namespace: namespace.name,
      method: c.req.method,
      path: c.req.path,
      body: undefined,
      bodyBytes: 0,
      bodyTruncated: false,
      model: note.model ?? modelOf(c.get('body')?.value),
      stream: note.stream ?? false,
      match: note.match ?? null,
      scenario: note.scenario ?? null,
      fault: note.fault ?? null,
      rateLimit: note.rateLimit ?? null,
      status: c.res.status,
      error: errorOf(c),
      reply: note.reply ?? null,
      usage: note.usage ?? null,
      aborted: note.aborted ?? c.res.status === 499,
    };
    const body = c.get('body');
    if (body !== undefined) setBody(entry, body, deps.config.journalBodyBytes);
    note.entry = namespace.state.journal.record(entry);
  };
}

/** The body as sent while it fits `limit` bytes; past it, its first `limit` characters as a string. */
function setBody(entry: JournalEntry, body: { text: string; value?: unknown }, limit: number): void {
  const bytes = Buffer.byteLength(body.text);
  entry.bodyBytes = bytes;
  if (bytes > limit) {
    entry.body = body.text.slice(0, limit);
    entry.bodyTruncated = true;
  } else entry.body = 'value' in body ? body.value : body.text;
}

function modelOf(value: unknown): string | null {
  const model = (value as { model?: unknown } | null | undefined)?.model;
  return typeof model === 'string' ? model.slice(0, 256) : null;
}

function errorOf(c: Context<AppEnv>): JournalEntry['error'] {
  if (!(c.error instanceof MoonshotError)) return null;
  const { type, message } = describeError(c.error.error);
  return { type, message };
}
