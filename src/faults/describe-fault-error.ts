import { describeError, messageForType, type ErrorDescription, type ErrorKind } from '../errors/error-kind.ts';
import type { Fault } from './fault-schema.ts';

/** The status a `timeout` fault answers with once the timeout has passed. */
const TIMEOUT_STATUS = 504;

/**
 * The `injected` error of an `http` or `timeout` fault (a 504), with the fault's `type` and `message`
 * where given; the error table fills the rest from the status. An empty `message` is kept as written.
 */
export function faultError(fault: Extract<Fault, { kind: 'http' | 'timeout' }>): Extract<ErrorKind, { kind: 'injected' }> {
  const status = (fault.kind === 'http' ? fault.status : TIMEOUT_STATUS) as ErrorDescription['status'];
  const { type, message } = describeError({ kind: 'injected', status, ...(fault.kind === 'http' && { type: fault.type, message: fault.message }) });
  return { kind: 'injected', status, type, message };
}

/**
 * The payload of an `error_event` fault's mid-stream event, `{ error: { message, type } }`. `type`
 * defaults to `server_error`; `message` to the error table's message for the first status with that
 * type (`server_error` gives `Internal server error`), else the 500 one. What Moonshot sends
 * mid-stream is not documented: these defaults are guesses.
 */
export function errorEventPayload(fault: Extract<Fault, { kind: 'error_event' }>): { error: { message: string; type: string } } {
  const type = fault.type ?? 'server_error';
  const message = fault.message ?? messageForType(type) ?? messageForType('server_error')!;
  return { error: { message, type } };
}
