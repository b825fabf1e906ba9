import { Hono, type Context, type Next } from 'hono';
import { balanceAdminRoutes } from './admin/balance-admin.ts';
import { isAdminPath, journalRequests } from './admin/journal-requests.ts';
import { mockAdminRoutes } from './admin/mock-admin.ts';
import { createBatchStore } from './batches/batch-store.ts';
import { createBalanceBook } from './billing/balance-book.ts';
import { createCatalog } from './catalog/catalog.ts';
import { tierTableOn } from './catalog/tier-table.ts';
import { createAdjustableClock, systemClock, type Clock } from './clock.ts';
import { parseConfig, type ConfigInput } from './config.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { createFileDisk } from './files/file-disk.ts';
import { createFileStore, FILE_ID_PREFIX_SINCE } from './files/file-store.ts';
import { createFixtureSet, type FixtureSet } from './fixtures/fixture-set.ts';
import { loadFixtures } from './fixtures/load-fixtures.ts';
import { createUserDirectory } from './limits/user-directory.ts';
import { createNamespace } from './namespace.ts';
import { fixtureSources } from './record/record-dir.ts';
import { createNamespaces, DEFAULT_NAMESPACE } from './state/namespaces.ts';
import { createRunState } from './state/run-state.ts';
import { getSharedTokenCounter, type TokenCounter } from './tokens/token-counter.ts';
import { checkHost } from './transport/check-host.ts';
import { isNodeRequest } from './transport/read-body.ts';
import { setRequestId } from './transport/request-id.ts';
import { anthropicApp } from './wire/anthropic/anthropic-app.ts';
import { moonshotApp, moonshotErrorHandler } from './wire/moonshot/moonshot-app.ts';
import { responsesApp } from './wire/responses/responses-app.ts';
import { notFound } from './wire/moonshot/not-found.ts';

/** Options of `createApp`/`startServer`: the config schema's fields plus what only code can pass. */
export interface MockOptions extends ConfigInput {
  /** Source of time for `created`, stream pacing, fault delays and rate-limit windows. Defaults to the wall clock. */
  clock?: Clock;
  /** Token counter; defaults to one shared per encoding in the process. */
  tokenCounter?: TokenCounter;
  /**
   * The fixture set to serve from, instead of one loaded from `fixtures`: lets the caller reload it
   * (`startServer` does, for `watch`) or call `resetCalls()` between tests, which resets the app.
   */
  fixtureSet?: FixtureSet;
  /** Where notices go (injected faults, rate-limit hits, reloads, request lines, internal errors); defaults to stderr. */
  log?: (line: string) => void;
}

/** The default `log`: one line to stderr. */
export const logToStderr = (line: string): void => console.error(line);

/** Separates what only code can pass (clock, counter, fixture set, log) from the config, parsed. */
export function splitOptions(options: MockOptions) {
  const { clock, tokenCounter, fixtureSet, log, ...input } = options;
  return { config: parseConfig(input, (path) => `options.${path}`), clock, tokenCounter, fixtureSet, log: log ?? logToStderr };
}

/** What `createApp` returns: the Hono app, plus `close()`. */
export type MockApp = Hono<AppEnv> & {
  /**
   * Stops the token-counting worker thread the app uses when it is the process-wide default one (a later
   * request, from this app or another, starts a new one); a `tokenCounter` you passed is yours to close.
   * Not needed for the process to exit (the worker never keeps it alive), but it frees the thread and
   * its memory at once, and leaves no handle for tools that report open handles. Idempotent.
   */
  close(): Promise<void>;
};

/**
 * The emulator as a Hono app: use it in-process with `app.request()`/`app.fetch` (also as the openai
 * SDK's `fetch`), or serve it with `startServer`. Fixture files in `fixtures` are read here,
 * synchronously. Throws a `ConfigError` naming a bad option and a `FixtureError` naming the file and
 * field of a bad fixture.
 */
export function createApp(options: MockOptions = {}): MockApp {
  const { config, clock, tokenCounter, fixtureSet, log } = splitOptions(options);
  const journalLimit = config.journalLimit;
  // The default namespace's state also holds the clock offset: the clock is one for the whole app.
  const defaultState = createRunState(config.seed, { journalLimit });
  const appClock = createAdjustableClock(clock ?? systemClock, defaultState);
  const users = createUserDirectory(config, tierTableOn(config.apiDate));
  const fixtures = fixtureSet ?? createFixtureSet(loadFixtures(fixtureSources(config.fixtures, config.record)));
  const parts = { config, clock: appClock, users, files: fixtures };
  const namespaces = createNamespaces(config.maxNamespaces, (name) =>
    createNamespace(name, name === DEFAULT_NAMESPACE ? defaultState : createRunState(config.seed, { journalLimit, idSalt: name }), parts),
  );
  fixtures.subscribe((change) => {
    if (change.kind === 'reset') return namespaces.resetAll();
    for (const name of namespaces.names()) namespaces.find(name)?.state.forgetFixtures(change.changed);
  });
  const deps: AppDeps = {
    config,
    catalog: createCatalog({ apiDate: config.apiDate, models: config.models, replaceModels: config.replaceModels }),
    counter: tokenCounter ?? getSharedTokenCounter(config.encoding),
    clock: appClock,
    namespaces,
    fixtures,
    users,
    balances: createBalanceBook(config.balance, config.dataDir),
    files: createFileStore({
      limits: config.fileLimits, seed: config.seed, prefixIds: (config.apiDate ?? '9999-12-31') >= FILE_ID_PREFIX_SINCE, disk: config.dataDir === undefined ? undefined : createFileDisk(config.dataDir),
    }),
    batches: createBatchStore(config.seed),
    log,
  };
  for (const part of [deps.balances, deps.files, deps.batches]) defaultState.attach(part);
  const app = new Hono<AppEnv>();
  const hostCheck = checkHost(config);
  const journal = journalRequests(deps, hostCheck);
  // One middleware layer for every request (each layer is a wrapped call and an await per request).
  // (Not an async function: without request logging it hands on the journal's promise as it is.)
  app.use('*', (c, next) => {
    if (!isNodeRequest(c)) c.set('clientRequest', c.req.raw);
    if (!config.logRequests) return handle(c, next);
    const started = performance.now();
    return handle(c, next).then(() => log(requestLine(c, performance.now() - started)));
  });
  // Admin requests draw their ids from the default namespace and are not journaled.
  const handle = (c: Context<AppEnv>, next: Next) => {
    if (!isAdminPath(c.req.path)) return journal(c, next);
    const ids = namespaces.default.state.ids.next();
    c.set('ids', ids);
    setRequestId(c, ids);
    hostCheck(c);
    return next();
  };
  app.route('/v1', moonshotApp(deps));
  app.route('/v1', responsesApp(deps));
  app.route('/anthropic', anthropicApp(deps));
  app.route('/_mock', mockAdminRoutes(deps));
  app.route('/_mock', balanceAdminRoutes(deps));
  app.notFound(notFound);
  // The Moonshot dialect's error handler is the app's: see moonshotApp.
  app.onError(moonshotErrorHandler(log));
  return Object.assign(app, { close: () => (tokenCounter === undefined ? deps.counter.close() : Promise.resolve()) });
}

/**
 * The `logRequests` line: `POST /v1/chat/completions 200 model=<id> reply=greeting fault=none 3.1ms [id]`
 * (model, reply and fault for chat completions only; a stream's line comes when its headers go out).
 */
function requestLine(c: Context<AppEnv>, ms: number): string {
  const parts = [c.req.method, c.req.path, String(c.res.status)];
  const served = c.get('served');
  if (served !== undefined) parts.push(`model=${served.model ?? '-'}`, `reply=${served.reply ?? '-'}`, `fault=${served.fault ?? 'none'}`);
  return `${parts.join(' ')} ${ms.toFixed(1)}ms [${c.get('ids').requestId}]`;
}
