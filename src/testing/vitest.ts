import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { MockOptions } from '../app.ts';
import type { MockNamespace } from './mock-namespace.ts';
import { startMockSession, type MockSession } from './mock-session.ts';

/** What `useMoonshotMock()` gives a test file: the current test's namespace, and fresh ones on demand. */
export interface MoonshotMock extends MockNamespace {
  /**
   * A namespace of its own, for a test that runs concurrently with others (`it.concurrent`), where
   * "the current test" is ambiguous. Dropped when the file's server closes.
   */
  namespace(name?: string): MockNamespace;
  /** The server behind it all. */
  readonly session: MockSession;
}

/**
 * Starts one emulator for the test file (port 0, before all tests; closed after them), gives each
 * test its own namespace (named after the test) and drops it after the test, so tests never see each
 * other's fixtures, sequences, scenarios, faults or journal. The returned object acts on the current
 * test's namespace: `baseURL`, `fetch` (the openai SDK's `fetch` option), `addFixtures()`,
 * `requests()`, `expectRequests(filter).toHaveLength(n)`. Concurrent tests take `mock.namespace()`.
 */
export function useMoonshotMock(options: MockOptions = {}): MoonshotMock {
  let session: MockSession | undefined;
  const running = new Map<unknown, MockNamespace>();
  beforeAll(async () => {
    session = await startMockSession(options);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });
  beforeEach((context) => {
    running.set(context.task, started().namespace(context.task.name));
  });
  afterEach(async (context) => {
    const namespace = running.get(context.task);
    running.delete(context.task);
    await namespace?.drop();
  });
  const started = (): MockSession => {
    if (!session) throw new Error('moonshot-mock: the server is not running yet. Use the mock inside tests or hooks, not at the top of the file');
    return session;
  };
  const current = (): MockNamespace => {
    const [only, ...more] = running.values();
    if (only === undefined) throw new Error('moonshot-mock: no test is running. Use the mock inside a test');
    if (more.length > 0) {
      throw new Error(`moonshot-mock: ${more.length + 1} tests run at once, so "the current test" is ambiguous. In concurrent tests use \`const ns = mock.namespace()\``);
    }
    return only;
  };
  return {
    get id() { return current().id; },
    get baseURL() { return started().baseURL; },
    get headers() { return current().headers; },
    get fetch() { return current().fetch; },
    get session() { return started(); },
    addFixtures: (fixtures) => current().addFixtures(fixtures),
    requests: (filter) => current().requests(filter),
    verify: (filter, expectation) => current().verify(filter, expectation),
    expectRequests: (filter) => current().expectRequests(filter),
    scenarios: () => current().scenarios(),
    reset: () => current().reset(),
    drop: () => current().drop(),
    namespace: (name) => started().namespace(name ?? 'concurrent'),
  };
}

export { startMockSession, namespaceSlug, type MockSession } from './mock-session.ts';
export { createMockNamespace, MockRequestError, type MockNamespace, type RequestExpectation, type RequestFilter } from './mock-namespace.ts';
export { namespaceFetch } from './namespace-fetch.ts';
