/** The header that selects a namespace. */
export const NAMESPACE_HEADER = 'x-mock-namespace';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
/** A fetch, or Hono's `app.request`, which may answer synchronously. */
type BaseFetch = (input: string | URL | Request, init?: RequestInit) => Response | Promise<Response>;

/**
 * A `fetch` that sends every request in `namespace` (it sets `x-mock-namespace`), over `base`:
 * the global `fetch` for a server, or `(url, init) => app.request(url, init)` in-process. Give it
 * to the openai SDK as its `fetch` option.
 */
export function namespaceFetch(namespace: string, base: BaseFetch = (input, init) => fetch(input, init)): Fetch {
  return (input, init) => {
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    headers.set(NAMESPACE_HEADER, namespace);
    return Promise.resolve(base(input, { ...init, headers }));
  };
}
