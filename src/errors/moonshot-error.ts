import type { ErrorKind } from './error-kind.ts';
import { describeError } from './error-kind.ts';

/** Thrown anywhere in a request; `app.onError` turns it into the Moonshot envelope. */
export class MoonshotError extends Error {
  constructor(readonly error: ErrorKind) {
    super(describeError(error).message);
    this.name = 'MoonshotError';
  }
}

/**
 * Shorthand for the commonest error: 400 `Invalid request: {detail}`. One live message spells the
 * prefix in lower case (`invalid request: unsupported role ROLE_UNSPECIFIED`), hence `prefix`.
 */
export function invalidRequest(detail: string, prefix: 'Invalid request' | 'invalid request' = 'Invalid request'): MoonshotError {
  return new MoonshotError({ kind: 'invalid_request', message: `${prefix}: ${detail}` });
}
