import { Hono, type Context } from 'hono';
import { mockAdminRoutes } from './admin/mock-admin.ts';
import { createCatalog } from './catalog/catalog.ts';
import { tierTableOn } from './catalog/tier-table.ts';
import { createAdjustableClock, systemClock, type Clock } from './clock.ts';
import { parseConfig, type ConfigInput } from './config.ts';
import type { AppDeps, AppEnv } from './deps.ts';
import { createFixtureSet, type FixtureSet } from './fixtures/fixture-set.ts';
import { loadFixtures } from './fixtures/load-fixtures.ts';
import { createMemoryUsageStore } from './limits/memory-usage-store.ts';
import { createRateLimiter } from './limits/rate-limiter.ts';
import { createUserDirectory } from './limits/user-directory.ts';
import { fixtureSources } from './record/record-dir.ts';
import { createRunState } from './state/run-state.ts';
import { createPrefixCache } from './tokens/prefix-cache.ts';
import { getSharedTokenCounter, type TokenCounter } from './tokens/token-counter.ts';
import { checkHost } from './transport/check-host.ts';
import { createErrorHandler } from './transport/error-handler.ts';
import { nodeBindings } from './transport/node-bindings.ts';
import { errorEnvelope } from './wire/moonshot/error-envelope.ts';
import { moonshotApp } from './wire/moonshot/moonshot-app.ts';
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
  const state = createRunState(config.seed);
  const appClock = createAdjustableClock(clock ?? systemClock, state);
  const users = createUserDirectory(config, tierTableOn(config.apiDate));
  const fixtures = fixtureSet ?? createFixtureSet(loadFixtures(fixtureSources(config.fixtures, config.record)));
  fixtures.subscribe((change) => (change.kind === 'reset' ? state.reset() : state.forgetFixtures(change.changed)));
  const deps: AppDeps = {
    config,
    catalog: createCatalog({ apiDate: config.apiDate, models: config.models, replaceModels: config.replaceModels }),
    counter: tokenCounter ?? getSharedTokenCounter(config.encoding),
    clock: appClock,
    state,
    fixtures,
    users,
    limiter: createRateLimiter(config, appClock, users, createMemoryUsageStore(state, appClock)),
    prefixCache: createPrefixCache(appClock, state.prefixPrompts, { enabled: config.prefixCache }),
    log,
  };
  const app = new Hono<AppEnv>();
  const hostCheck = checkHost(config);
  app.use('*', async (c, next) => {
    const ids = state.ids.next();
    c.set('ids', ids);
    // Behind the Node server the header goes on the Node response itself, which writeHead merges
    // into every answer (JSON, error or stream; a header the answer sets wins): a header set through
    // c.header would make Hono build a WHATWG Headers object for every response.
    const { outgoing } = nodeBindings(c);
    if (outgoing) outgoing.setHeader('msh-request-id', ids.requestId);
    else {
      c.set('clientRequest', c.req.raw);
      c.header('Msh-Request-Id', ids.requestId);
    }
    if (!config.logRequests) {
      hostCheck(c);
      return next();
    }
    const started = performance.now();
    await next();
    log(requestLine(c, performance.now() - started));
  });
  // Logging requests, the check runs inside the logged span (a layer of its own, so a refusal is logged).
  if (config.logRequests) {
    app.use('*', (c, next) => {
      hostCheck(c);
      return next();
    });
  }
  app.route('/v1', moonshotApp(deps));
  app.route('/_mock', mockAdminRoutes(deps));
  app.notFound(notFound);
  app.onError(createErrorHandler(errorEnvelope, log));
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
