import { describeError, type ErrorKind } from './error-kind.ts';

/** Moonshot's error envelope `{"error":{"message","type"}}` for an error value (JSON answers and mid-stream events). */
export function errorEnvelope(error: ErrorKind): { error: { message: string; type: string } } {
  const { message, type } = describeError(error);
  return { error: { message, type } };
}
