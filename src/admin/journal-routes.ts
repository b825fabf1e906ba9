import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv, Namespace } from '../deps.ts';
import type { JournalEntry } from '../state/journal-entry.ts';
import { sendJson } from '../transport/send-json.ts';
import { applyFilter, journalFilterSchema } from './journal-filter.ts';
import { namedNamespace, namespacesToRead, parseAdminInput, readAdminJson } from './parse-admin-input.ts';
import { verifyJournal, verifyRequestSchema } from './verify-journal.ts';

/** The journals of the namespaces read, merged oldest first (by arrival time, then namespace order). */
function journalOf(namespaces: readonly Namespace[]): { entries: JournalEntry[]; dropped: number } {
  const entries = namespaces.flatMap((namespace) => namespace.state.journal.entries());
  if (namespaces.length > 1) entries.sort((a, b) => a.time - b.time);
  return { entries, dropped: namespaces.reduce((sum, namespace) => sum + namespace.state.journal.dropped, 0) };
}

/** How a namespace selection reads in a message. */
function describeWhere(name: string | undefined): string {
  if (name === '*') return 'any namespace';
  return `namespace ${JSON.stringify(name ?? 'default')}`;
}

/**
 * The journal routes: `GET /requests` (filtered, newest last), `GET /requests/count`,
 * `DELETE /requests`, and `POST /verify`, which answers 200 or a 422 whose message shows what was
 * journaled instead.
 */
export function journalRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const read = (c: Context<AppEnv>) => {
    const filter = parseAdminInput(c, journalFilterSchema, c.req.query());
    const name = filter.namespace ?? namedNamespace(c);
    const { entries, dropped } = journalOf(namespacesToRead(deps, name));
    return { matching: applyFilter(entries, filter), dropped };
  };
  routes.get('/requests', (c) => {
    const { matching, dropped } = read(c);
    return sendJson(c, { requests: matching, count: matching.length, dropped });
  });
  routes.get('/requests/count', (c) => sendJson(c, { count: read(c).matching.length }));
  routes.delete('/requests', (c) => {
    const namespaces = namespacesToRead(deps, c.req.query('namespace') ?? namedNamespace(c));
    let cleared = 0;
    for (const namespace of namespaces) {
      cleared += namespace.state.journal.entries().length;
      namespace.state.journal.clear();
    }
    return sendJson(c, { cleared });
  });
  routes.post('/verify', async (c) => {
    const request = parseAdminInput(c, verifyRequestSchema, await readAdminJson(c, deps));
    const name = request.filter.namespace ?? namedNamespace(c);
    const { entries, dropped } = journalOf(namespacesToRead(deps, name));
    const result = verifyJournal(entries, request, describeWhere(name), dropped);
    if (result.ok) return sendJson(c, { verified: true, matched: result.matched, message: result.message });
    return sendJson(c, { error: { message: result.message, type: 'verification_failed' }, matched: result.matched }, 422);
  });
  return routes;
}
