import { z } from 'zod';
import { matchSchema } from '../match/match-schema.ts';
import { faultSchema } from './fault-schema.ts';

const match = { match: matchSchema.optional() };
const [http, timeout, disconnect, errorEvent, stall, malformedChunk, truncate] = faultSchema.options;

/**
 * A server-wide fault from the config: any fault plus an optional `match` (the fixtures' conditions;
 * absent = every chat request). Its `when` counts only the requests its `match` held for. Lives apart
 * from `faultSchema` so that fixture-schema.ts can import that one without an import cycle.
 * Example, a seeded 5% overload: `{ kind: 'http', status: 429, when: { probability: 0.05 } }`.
 */
export const configFaultSchema = z.discriminatedUnion('kind', [
  http.safeExtend(match),
  timeout.safeExtend(match),
  disconnect.safeExtend(match),
  errorEvent.safeExtend(match),
  stall.safeExtend(match),
  malformedChunk.safeExtend(match),
  truncate.safeExtend(match),
]);

/** A config fault with defaults applied; assignable to `Fault` (the extra `match` aside). */
export type ConfigFault = z.output<typeof configFaultSchema>;
