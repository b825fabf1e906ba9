import type { z } from 'zod';
import type { journalFilterSchema } from '../admin/journal-filter.ts';
import type { FixtureInput } from '../fixtures/fixture-schema.ts';
import type { JournalEntry } from '../state/journal-entry.ts';
import { NAMESPACE_HEADER, namespaceFetch } from './namespace-fetch.ts';

/** Which journaled requests to look at (the namespace is the handle's own). */
export type RequestFilter = Omit<z.input<typeof journalFilterSchema>, 'namespace'>;

/** How many requests must match: exactly `count`, or between `atLeast` and `atMost`. */
export interface RequestExpectation {
  count?: number;
  atLeast?: number;
  atMost?: number;
}

/** One namespace of a running emulator, driven through its admin API. */
export interface MockNamespace {
  /** The namespace's name. */
  readonly id: string;
  /** The server's `…/v1` base URL (the same for every namespace). */
  readonly baseURL: string;
  /** `{ 'x-mock-namespace': id }`, for clients configured with default headers. */
  readonly headers: Record<string, string>;
  /** A `fetch` that sends every request in this namespace: the openai SDK's `fetch` option. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Adds runtime fixtures: objects as in a fixture file's `fixtures` list, or a whole file's YAML/JSON text. */
  addFixtures(fixtures: readonly FixtureInput[] | string): Promise<void>;
  /** The journaled requests matching `filter`, oldest first. */
  requests(filter?: RequestFilter): Promise<JournalEntry[]>;
  /** Resolves when `expectation` holds for `filter`; rejects with the journal's account of what came instead. */
  verify(filter: RequestFilter, expectation: RequestExpectation): Promise<void>;
  /** `await expectRequests(filter).toHaveLength(n)`: exactly n requests matched, or an Error showing the journal. */
  expectRequests(filter?: RequestFilter): { toHaveLength(count: number): Promise<void> };
  /** Each scenario's state. */
  scenarios(): Promise<Array<{ name: string; state: string; fixtures: string[] }>>;
  /** Resets this namespace: runtime fixtures, sequences, fault counters, scenarios, journal, rate-limit usage. */
  reset(): Promise<void>;
  /** Forgets the namespace and all its state on the server. */
  drop(): Promise<void>;
}

/** Where the server is and how to reach its admin API. */
export interface AdminTarget {
  /** `http://host:port`. */
  url: string;
  /** The server's `--admin-token`, if it has one. */
  adminToken?: string | undefined;
}

/** A failed admin call, with the server's message. */
export class MockRequestError extends Error {
  override name = 'MockRequestError';
}

/** A handle on namespace `id` of the server at `target`. */
export function createMockNamespace(target: AdminTarget, id: string): MockNamespace {
  const auth: Record<string, string> = target.adminToken === undefined ? {} : { authorization: `Bearer ${target.adminToken}` };
  const admin = async (method: string, path: string, body?: string, type = 'application/json') => {
    const separator = path.includes('?') ? '&' : '?';
    const res = await fetch(`${target.url}/_mock${path}${separator}namespace=${encodeURIComponent(id)}`, { method, body, headers: { ...auth, 'content-type': type } });
    const json = (await res.json()) as { error?: { message: string } } & Record<string, unknown>;
    if (!res.ok) throw new MockRequestError(json.error?.message ?? `${method} /_mock${path} answered ${res.status}`);
    return json;
  };
  const query = (filter: RequestFilter = {}) =>
    new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== undefined).map(([key, value]): [string, string] => [key, String(value)])).toString();
  const verify = async (filter: RequestFilter, expectation: RequestExpectation) => {
    await admin('POST', '/verify', JSON.stringify({ filter, ...expectation }));
  };
  return {
    id,
    baseURL: `${target.url}/v1`,
    headers: { [NAMESPACE_HEADER]: id },
    fetch: namespaceFetch(id),
    async addFixtures(fixtures) {
      if (typeof fixtures === 'string') await admin('POST', '/fixtures', fixtures, 'application/yaml');
      else await admin('POST', '/fixtures', JSON.stringify({ version: 1, fixtures }));
    },
    async requests(filter) {
      return (await admin('GET', `/requests?${query(filter)}`)).requests as JournalEntry[];
    },
    verify,
    expectRequests: (filter = {}) => ({ toHaveLength: (count) => verify(filter, { count }) }),
    async scenarios() {
      return (await admin('GET', '/scenarios')).scenarios as Array<{ name: string; state: string; fixtures: string[] }>;
    },
    async reset() {
      await admin('POST', '/reset');
    },
    async drop() {
      await admin('DELETE', `/namespaces/${encodeURIComponent(id)}`);
    },
  };
}
