import { describeError, type ErrorKind } from '../../errors/error-kind.ts';

/** Anthropic's error types, which pass through as written (an injected fault may name one). */
const ANTHROPIC_TYPES = new Set([
  'invalid_request_error', 'authentication_error', 'billing_error', 'permission_error', 'not_found_error',
  'request_too_large', 'rate_limit_error', 'timeout_error', 'api_error', 'overloaded_error',
]);

/** Moonshot's types that have their own Anthropic counterpart, whatever the status. */
const BY_MOONSHOT_TYPE: Record<string, string> = {
  engine_overloaded_error: 'overloaded_error',
  exceeded_current_quota_error: 'billing_error',
  content_filter: 'invalid_request_error',
};

const BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 402: 'billing_error', 403: 'permission_error',
  404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 504: 'timeout_error', 529: 'overloaded_error',
};

/**
 * The Anthropic `type` of an error: an Anthropic type as is; the emulator's own `fixture_*` types as
 * is (they say what to fix); a few Moonshot types by meaning; the rest by status (5xx → `api_error`).
 */
export function anthropicErrorType(status: number, type: string): string {
  if (ANTHROPIC_TYPES.has(type) || type.startsWith('fixture_')) return type;
  return BY_MOONSHOT_TYPE[type] ?? BY_STATUS[status] ?? 'api_error';
}

/**
 * Anthropic's error envelope `{"type":"error","error":{"type","message"}}`, with Moonshot's status and
 * message (the body of the JSON answer, and the `event: error` payload mid-stream).
 */
export function anthropicErrorBody(error: ErrorKind): { type: 'error'; error: { type: string; message: string } } {
  const { status, type, message } = describeError(error);
  return { type: 'error', error: { type: anthropicErrorType(status, type), message } };
}
