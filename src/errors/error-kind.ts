import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Every error the emulator can answer with, as data. `describeError` (the one table) turns a value into
 * Moonshot's status, `type` and message; the JSON path and the mid-stream path both go through it.
 */
export type ErrorKind =
  /** No usable `Authorization: Bearer` header. */
  | { kind: 'missing_api_key' }
  /** A key that is not on the configured key list. */
  | { kind: 'invalid_api_key' }
  /** Validation (400 `invalid_request_error`); most live messages start `Invalid request: `, some have no prefix. */
  | { kind: 'invalid_request'; message: string }
  | { kind: 'model_not_found'; model: string }
  /** prompt + requested output is over the window. */
  | { kind: 'context_exceeded'; limit: number; requested: number }
  /** No output budget was sent and the prompt alone fills the window. */
  | { kind: 'input_too_long' }
  | { kind: 'body_too_large'; limitBytes: number }
  /** No fixture matched and `unmatched` is `error`; `explanation` names the closest fixtures. */
  | { kind: 'fixture_unmatched'; explanation: string }
  /** The matched fixture's reply is one the real API could not give to this request. */
  | { kind: 'fixture_impossible'; fixture: string; reason: string }
  | { kind: 'server_error'; message: string }
  /** Moonshot's own rate limiter (B4/B7): whichever of concurrency, RPM, TPM, TPD is hit first. */
  | {
      kind: 'rate_limited';
      limit: 'concurrency' | 'rpm' | 'tpm' | 'tpd';
      organization: string;
      keyId: string;
      max: number;
      /** Tokens in the window, for TPM/TPD. */
      current?: number;
      /** Seconds until the window frees a slot, for concurrency/RPM. */
      retryAfterSeconds?: number;
    }
  /** Emulator-only: a request whose `Host` is neither loopback nor allowed (DNS rebinding). */
  | { kind: 'host_not_allowed'; host: string }
  /** Emulator-only: an admin POST without `Content-Type: application/json` (a browser's simple request). */
  | { kind: 'json_content_type_required'; route: string; got: string }
  /** Statuses an injected fault answers with; 400/401/403/429 wordings are live, the others guesses. */
  | { kind: 'content_filter' }
  | { kind: 'permission_denied' }
  | { kind: 'resource_not_found' }
  | { kind: 'engine_overloaded' }
  | { kind: 'service_unavailable'; status: 502 | 503 }
  | { kind: 'gateway_timeout' }
  /** Record/proxy mode got no answer from its upstream (unreachable, TLS, timeout); nothing was recorded. */
  | { kind: 'upstream_failed'; upstream: string; reason: string }
  /**
   * An injected fault answering with an HTTP error: its status, with `type` and `message` where the
   * fault gives them, else those of the table's entry for that status (see `kindForStatus`).
   */
  | { kind: 'injected'; status: ErrorDescription['status']; type?: string; message?: string };

/** What goes on the wire for an error. */
export interface ErrorDescription {
  status: ContentfulStatusCode;
  type: string;
  message: string;
}

type Table = { [K in ErrorKind['kind']]: (error: Extract<ErrorKind, { kind: K }>) => ErrorDescription };

const invalid = (message: string): ErrorDescription => ({ status: 400, type: 'invalid_request_error', message });
const invalid400 = (type: string, message: string): ErrorDescription => ({ status: 400, type, message });

const table: Table = {
  missing_api_key: () => ({ status: 401, type: 'incorrect_api_key_error', message: 'Incorrect API key provided' }),
  invalid_api_key: () => ({ status: 401, type: 'invalid_authentication_error', message: 'Invalid Authentication' }),
  invalid_request: (e) => invalid(e.message),
  model_not_found: (e) => ({
    status: 404,
    type: 'resource_not_found_error',
    message: `Not found the model ${e.model} or Permission denied`,
  }),
  context_exceeded: (e) =>
    invalid(`Invalid request: Your request exceeded model token limit: ${e.limit} (requested: ${e.requested})`),
  input_too_long: () => invalid('Input token length too long'),
  body_too_large: (e) => invalid(`Invalid request: request body is larger than the limit of ${e.limitBytes} bytes`),
  server_error: (e) => ({ status: 500, type: 'server_error', message: e.message }),
  // Emulator-only errors: Moonshot-shaped, 400 so that SDKs fail at once instead of retrying.
  rate_limited: (e) => ({ status: 429, type: 'rate_limit_reached_error', message: rateLimitMessage(e) }),
  content_filter: () => invalid400('content_filter', 'The request was rejected because it was considered high risk'),
  permission_denied: () => ({ status: 403, type: 'permission_denied_error', message: 'The API you are accessing is not open' }),
  // Guesses from here on: the model-not-found wording without the model; 5xx wordings.
  resource_not_found: () => ({ status: 404, type: 'resource_not_found_error', message: 'Not found the resource or Permission denied' }),
  engine_overloaded: () => ({ status: 429, type: 'engine_overloaded_error', message: 'The engine is currently overloaded, please try again later' }),
  service_unavailable: (e) => ({ status: e.status, type: 'server_error', message: 'The service is temporarily unavailable, please try again later' }),
  gateway_timeout: () => ({ status: 504, type: 'server_error', message: 'Request timed out, please try again later' }),
  injected: (e) => {
    const kind = kindForStatus(e.status);
    const base = kind ? describeError(kind) : { type: 'server_error', message: `Request failed with status ${e.status}` };
    return { status: e.status, type: e.type ?? base.type, message: e.message ?? base.message };
  },
  host_not_allowed: (e) => ({
    status: 403,
    type: 'permission_denied_error',
    message:
      `moonshot-mock: Host ${JSON.stringify(e.host)} is not allowed. Only loopback names and addresses are, and those in ` +
      '--allowed-hosts (config allowedHosts); add the name there to reach the server by it.',
  }),
  json_content_type_required: (e) => ({
    status: 415,
    type: 'invalid_request_error',
    message:
      `moonshot-mock: ${e.route} needs \`Content-Type: application/json\` (got ${e.got || 'none'}), so that a web page ` +
      'cannot send it without a CORS preflight, which is never granted.',
  }),
  // Emulator-only too: record and proxy modes found no upstream to answer.
  upstream_failed: (e) => ({
    status: 502,
    type: 'upstream_error',
    message: `moonshot-mock: Failed to reach the upstream ${e.upstream}: ${e.reason}. Nothing was recorded. Check --upstream and the network.`,
  }),
  fixture_unmatched: (e) => ({ status: 400, type: 'fixture_unmatched_error', message: e.explanation }),
  fixture_impossible: (e) => ({
    status: 400,
    type: 'fixture_impossible_error',
    message: `moonshot-mock: fixture "${e.fixture}" cannot answer this request: ${e.reason}. Fix the fixture or its match conditions.`,
  }),
};

/** The live wording of each limit (B4), TPD with no space after the comma, as documented. */
function rateLimitMessage(e: Extract<ErrorKind, { kind: 'rate_limited' }>): string {
  const who = `Your account ${e.organization}<${e.keyId}> request reached organization`;
  switch (e.limit) {
    case 'concurrency':
      return `${who} max concurrency: ${e.max}, please try again after ${e.retryAfterSeconds ?? 1} seconds`;
    case 'rpm':
      return `${who} max RPM: ${e.max}, please try again after ${e.retryAfterSeconds ?? 1} seconds`;
    case 'tpm':
      return `${who} TPM rate limit, current:${e.current ?? 0}, limit:${e.max}`;
    case 'tpd':
      return `${who} TPD rate limit,current:${e.current ?? 0}, limit:${e.max}`;
  }
}

/** The table entry an injected fault of `status` answers with when it names no type or message. */
export function kindForStatus(status: number): ErrorKind | undefined {
  switch (status) {
    case 400: return { kind: 'content_filter' };
    case 401: return { kind: 'invalid_api_key' };
    case 403: return { kind: 'permission_denied' };
    case 404: return { kind: 'resource_not_found' };
    case 429: return { kind: 'engine_overloaded' };
    case 500: return { kind: 'server_error', message: 'Internal server error' };
    case 502: case 503: return { kind: 'service_unavailable', status };
    case 504: return { kind: 'gateway_timeout' };
    default: return undefined;
  }
}

/**
 * The message of the first status (in `kindForStatus`' order) whose entry has this `type`; what a
 * mid-stream error event of that type says when its fault names no message. Undefined for other types.
 */
export function messageForType(type: string): string | undefined {
  for (const status of [400, 401, 403, 404, 429, 500, 502, 503, 504]) {
    const description = describeError(kindForStatus(status)!);
    if (description.type === type) return description.message;
  }
  return undefined;
}

/** The one table: an error value → status, Moonshot `type` and exact message. */
export function describeError(error: ErrorKind): ErrorDescription {
  return (table[error.kind] as (e: ErrorKind) => ErrorDescription)(error);
}
