import type { FaultInput } from '../faults/fault-schema.ts';

/** Statuses about the caller's key rather than the conversation: answered, never recorded. */
const KEY_STATUSES = new Set([401, 403]);

/**
 * The `http` fault that replays an upstream error answer: its status, and the `type` and `message` of
 * Moonshot's `{"error":{…}}` envelope (a body in another shape gives its text, cut to 500 characters,
 * as the message), plus `Retry-After` in whole seconds when sent. Undefined for 401 and 403, which
 * say the caller's key is wrong, not that the request fails.
 */
export function upstreamFault(status: number, body: string, retryAfter: string | null): Extract<FaultInput, { kind: 'http' }> | undefined {
  if (KEY_STATUSES.has(status) || status < 400 || status > 599) return undefined;
  const fault: Extract<FaultInput, { kind: 'http' }> = { kind: 'http', status };
  let envelope: { error?: { type?: unknown; message?: unknown } } | undefined;
  try {
    envelope = JSON.parse(body) as typeof envelope;
  } catch {
    envelope = undefined;
  }
  const error = envelope?.error;
  if (error && typeof error === 'object') {
    if (typeof error.type === 'string' && error.type !== '') fault.type = error.type;
    if (typeof error.message === 'string') fault.message = error.message;
  } else if (body.trim() !== '') {
    fault.message = body.trim().slice(0, 500);
  }
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) fault.retry_after = Number(retryAfter.trim());
  return fault;
}
