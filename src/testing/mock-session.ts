import type { MockOptions } from '../app.ts';
import { startServer } from '../server.ts';
import { createMockNamespace, type MockNamespace } from './mock-namespace.ts';

/** A server started for a test suite, handing out namespaces. */
export interface MockSession {
  /** `http://host:port`. */
  readonly url: string;
  /** `url + "/v1"`. */
  readonly baseURL: string;
  /**
   * A handle on a namespace: `name` as given (made safe for the header), or `ns-{n}`; a number keeps
   * names of the same test apart. The namespace is created on the server by its first request.
   */
  namespace(name?: string): MockNamespace;
  /** Closes the server (every namespace goes with it). */
  close(): Promise<void>;
}

/** A namespace name from free text (a test's title): letters, digits and `-`, at most 80 characters. */
export function namespaceSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'ns';
}

/**
 * The runner-neutral core of the test helpers: starts an emulator on a free port (quiet: notices
 * go nowhere unless `log` is given, since the journal keeps them) and hands out namespaces, one per
 * test. Works with any test runner: start it before the suite, take `session.namespace()` in each
 * test, `drop()` it after, `close()` after the suite.
 */
export async function startMockSession(options: MockOptions = {}): Promise<MockSession> {
  const server = await startServer({ log: () => {}, ...options, port: 0 });
  let made = 0;
  return {
    url: server.url,
    baseURL: server.baseURL,
    namespace: (name) => createMockNamespace({ url: server.url, adminToken: options.adminToken }, `${++made}-${namespaceSlug(name ?? 'ns')}`),
    close: () => server.close(),
  };
}
