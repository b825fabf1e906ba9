import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The error types of the tools endpoints (§ "/v1/tools/search" docs), each with its status and usual message. */
export const searchErrorTable = {
  invalid_request: { status: 400, message: 'invalid request body' },
  /** [G] message; the type and status are documented (fetch only). */
  invalid_url: { status: 400, message: 'invalid url' },
  /** [G] message (fetch only). */
  security_risk: { status: 403, message: 'the url is blocked as a security risk' },
  /** [G] message (fetch only). */
  markdown_not_found: { status: 404, message: 'markdown not found' },
  client_canceled: { status: 408, message: 'client canceled the request' },
  rate_limited: { status: 429, message: 'project qps limit exceeded' },
  rate_limit_unavailable: { status: 429, message: 'rate limit store unavailable' },
  /** [G] message. */
  internal_error: { status: 500, message: 'internal error' },
  upstream_failed: { status: 502, message: 'upstream service failed' },
  timeout: { status: 504, message: 'request timeout' },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type SearchErrorType = keyof typeof searchErrorTable;
export const SEARCH_ERROR_TYPES = Object.keys(searchErrorTable) as [SearchErrorType, ...SearchErrorType[]];

/**
 * An error of the tools endpoints, sent flat as `{"type","message"}` (as the docs show it), not in
 * the chat API's `{"error":{…}}` envelope.
 */
export class SearchError extends Error {
  override name = 'SearchError';
  constructor(readonly type: SearchErrorType, message?: string) {
    super(message ?? searchErrorTable[type].message);
  }

  get status(): ContentfulStatusCode {
    return searchErrorTable[this.type].status;
  }
}

/** A 400 `invalid_request` with one of the documented messages. */
export const invalidSearch = (message: string) => new SearchError('invalid_request', message);
