import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { balanceAdminRoutes, balanceRoutes } from './billing/balance-routes.ts';
import { createBalanceBook } from './billing/balance-book.ts';
import { batchRoutes } from './batches/batch-routes.ts';
import { createBatchStore } from './batches/batch-store.ts';
import { createCatalog } from './catalog/catalog.ts';
import { createAdjustableClock, systemClock, type Clock } from './clock.ts';
import { parseConfig, type ConfigInput } from './config.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { describeError, errorEnvelope } from './errors/error-kind.ts';
import { MoonshotError } from './errors/moonshot-error.ts';
import { chatRoutes } from './routes/chat-completions.ts';
import { estimateRoutes } from './routes/estimate-token-count.ts';
import { modelsRoutes } from './routes/models.ts';
import { mockAdminRoutes } from './routes/mock-admin.ts';
import { createFileDisk } from './files/file-disk.ts';
import { fileRoutes } from './files/file-routes.ts';
import { createFileStore, FILE_ID_PREFIX_SINCE } from './files/file-store.ts';
import { searchRoutes } from './search/search-routes.ts';
import { createFixtureSet, type FixtureSet } from './fixtures/fixture-set.ts';
import { loadFixtures } from './fixtures/load-fixtures.ts';
import { createIdSource } from './state/id-source.ts';
import { createRateLimiter } from './limits/rate-limiter.ts';
import { createFaultState } from './faults/fault-state.ts';
import { createUserDirectory } from './limits/user-directory.ts';
import { getSharedTokenCounter, type TokenCounter } from './tokens/token-counter.ts';
import { isNodeRequest } from './transport/read-body.ts';
import { sendJson } from './transport/send-json.ts';

/** Options of `createApp`/`startServer`: the config schema's fields plus what only code can pass. */
export interface MockOptions extends ConfigInput {
  /** Source of time for `created`, stream pacing, fault delays and rate-limit windows. Defaults to the wall clock. */
  clock?: Clock;
  /** Token counter; defaults to one shared per encoding in the process. */
  tokenCounter?: TokenCounter;
  /**
   * The fixture set to serve from, instead of one loaded from `fixtures`: lets the caller reload it
   * (`startServer` does, for `watch`) or reset its call counters between tests.
   */
  fixtureSet?: FixtureSet;
  /** Where notices of injected faults and rate-limit hits go; defaults to stderr. */
  log?: (line: string) => void;
}

/** Separates what only code can pass (clock, counter, fixture set, log) from the config, parsed. */
export function splitOptions(options: MockOptions) {
  const { clock, tokenCounter, fixtureSet, log, ...input } = options;
  return { config: parseConfig(input, (path) => `options.${path}`), clock, tokenCounter, fixtureSet, log };
}

/**
 * The emulator as a Hono app: use it in-process with `app.request()`/`app.fetch` (also as the openai
 * SDK's `fetch`), or serve it with `startServer`. Fixture files in `fixtures` are read here,
 * synchronously. Throws a `ConfigError` naming a bad option and a `FixtureError` naming the file and
 * field of a bad fixture.
 */
export function createApp(options: MockOptions = {}): Hono<AppEnv> {
  const { config, clock, tokenCounter, fixtureSet, log } = splitOptions(options);
  const appClock = createAdjustableClock(clock ?? systemClock);
  const users = createUserDirectory(config);
  const deps: AppDeps = {
    config,
    catalog: createCatalog({ models: config.models, replaceModels: config.replaceModels }),
    counter: tokenCounter ?? getSharedTokenCounter(config.encoding),
    clock: appClock,
    ids: createIdSource(config.seed),
    fixtures: fixtureSet ?? createFixtureSet(loadFixtures(config.fixtures)),
    users,
    limiter: createRateLimiter(config, appClock, users),
    faults: createFaultState(config.seed),
    batches: createBatchStore(config.seed),
    balances: createBalanceBook(config.balance, config.dataDir),
    files: createFileStore({
      limits: config.fileLimits, seed: config.seed, prefixIds: (config.apiDate ?? '9999-12-31') >= FILE_ID_PREFIX_SINCE, disk: config.dataDir === undefined ? undefined : createFileDisk(config.dataDir),
    }),
    log: log ?? ((line) => console.error(line)),
  };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const ids = deps.ids.next();
    c.set('ids', ids);
    if (!isNodeRequest(c)) c.set('clientRequest', c.req.raw);
    c.header('Msh-Request-Id', ids.requestId);
    const started = performance.now();
    await next();
    if (config.logRequests) {
      const ms = (performance.now() - started).toFixed(1);
      console.error(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms ${ids.requestId}`);
    }
  });
  const limitBody = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: () => {
      throw new MoonshotError({ kind: 'body_too_large', limitBytes: config.maxBodyBytes });
    },
  });
  // Behind the Node server, readBodyText enforces the limit on the raw stream (see there for why).
  // Uploads have their own limit (100 MB per file, plus the multipart framing): see fileRoutes.
  app.use('/v1/*', (c, next) => (isNodeRequest(c) || c.req.path === '/v1/files' ? next() : limitBody(c, next)));
  app.route('/v1', modelsRoutes(deps));
  app.route('/v1', chatRoutes(deps));
  app.route('/v1', estimateRoutes(deps));
  app.route('/v1', fileRoutes(deps));
  app.route('/v1', balanceRoutes(deps));
  app.route('/v1', searchRoutes(deps));
  app.route('/v1', batchRoutes(deps));
  app.route('/_mock', mockAdminRoutes(deps));
  app.route('/_mock', balanceAdminRoutes(deps));
  app.notFound((c) =>
    sendJson(c, {
      code: 5, error: 'url.not_found', message: '没找到对象', method: c.req.method, scode: '0x5', status: false, url: c.req.path,
    }, 404),
  );
  app.onError((err, c) => {
    if (err instanceof MoonshotError) {
      const { status } = describeError(err.error);
      return sendJson(c, errorEnvelope(err.error), status);
    }
    if (err instanceof HTTPException) return err.getResponse();
    // The client went away (or its own timeout fired) mid-request: nobody reads this answer, and it
    // is not a server fault.
    if (err.name === 'AbortError' || err.name === 'TimeoutError') return c.body(null, 499 as never);
    // Never a stack trace on the wire: log it, answer with the envelope.
    console.error(err);
    return sendJson(c, errorEnvelope({ kind: 'server_error', message: 'Internal server error' }), 500);
  });
  return app;
}
