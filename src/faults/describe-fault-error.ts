import type { ErrorDescription, ErrorKind } from '../errors/error-kind.ts';
import type { Fault } from './fault-schema.ts';

/** A Moonshot error's `type` and message. */
type ErrorText = Pick<ErrorDescription, 'type' | 'message'>;

const internal: ErrorText = { type: 'server_error', message: 'Internal server error' };
const unavailable: ErrorText = { type: 'server_error', message: 'The service is temporarily unavailable, please try again later' };

/**
 * The `type` and message an injected HTTP fault gets when it names none, by status. 400, 401, 403 and
 * 429 are wordings seen from the live API; the others are guesses. A status not in the table gets
 * `server_error` / `Request failed with status {status}` (a guess too).
 */
export const faultDefaults: Readonly<Partial<Record<number, ErrorText>>> = {
  400: { type: 'content_filter', message: 'The request was rejected because it was considered high risk' },
  401: { type: 'invalid_authentication_error', message: 'Invalid Authentication' },
  403: { type: 'permission_denied_error', message: 'The API you are accessing is not open' },
  // Guess: the model-not-found wording without the model.
  404: { type: 'resource_not_found_error', message: 'Not found the resource or Permission denied' },
  429: { type: 'engine_overloaded_error', message: 'The engine is currently overloaded, please try again later' },
  // Guesses from here on.
  500: internal,
  502: unavailable,
  503: unavailable,
  504: { type: 'server_error', message: 'Request timed out, please try again later' },
};

/** The status a `timeout` fault answers with once the timeout has passed. */
const TIMEOUT_STATUS = 504;

/**
 * The `injected` error of an `http` or `timeout` fault, with the fault's `type` and `message` where
 * given, else those of `faultDefaults` for its status (`timeout` is a 504). An empty `message` is kept
 * as written.
 */
export function faultError(fault: Extract<Fault, { kind: 'http' | 'timeout' }>): Extract<ErrorKind, { kind: 'injected' }> {
  const status = fault.kind === 'http' ? fault.status : TIMEOUT_STATUS;
  const given: Partial<ErrorText> = fault.kind === 'http' ? fault : {};
  const defaults = faultDefaults[status] ?? { type: 'server_error', message: `Request failed with status ${status}` };
  return {
    kind: 'injected',
    status: status as ErrorDescription['status'],
    type: given.type ?? defaults.type,
    message: given.message ?? defaults.message,
  };
}

/**
 * The payload of an `error_event` fault's mid-stream event, `{ error: { message, type } }`. `type`
 * defaults to `server_error`; `message` defaults to the `faultDefaults` message of the first status
 * with that type (so `server_error` gives `Internal server error`), else the 500 one. What Moonshot
 * sends mid-stream is not documented: these defaults are guesses.
 */
export function errorEventPayload(fault: Extract<Fault, { kind: 'error_event' }>): { error: { message: string; type: string } } {
  const type = fault.type ?? 'server_error';
  const message =
    fault.message ??
    Object.values(faultDefaults).find((text) => text?.type === type)?.message ??
    internal.message;
  return { error: { message, type } };
}
