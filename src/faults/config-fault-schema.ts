import * as z from 'zod';
import { matchSchema, type MatchConditions } from '../match/match-schema.ts';
import { faultSchema, type Fault, type FaultInput } from './fault-schema.ts';

const match = { match: matchSchema.optional() };
type FaultOption = (typeof faultSchema.options)[number];
/** Every fault kind, each with `match` added (cast: `map` loses the tuple, zod needs one). */
const options = faultSchema.options.map((option: FaultOption) => option.safeExtend(match)) as unknown as [
  ReturnType<FaultOption['safeExtend']>,
  ...ReturnType<FaultOption['safeExtend']>[],
];

/**
 * A server-wide fault from the config: any fault plus an optional `match` (the fixtures' conditions;
 * absent = every chat request). Its `when` counts only the requests its `match` held for. Lives apart
 * from `faultSchema` so that fixture-schema.ts can import that one without an import cycle.
 * Example, a seeded 5% overload: `{ kind: 'http', status: 429, when: { probability: 0.05 } }`.
 */
export const configFaultSchema = z.discriminatedUnion('kind', options) as unknown as z.ZodType<ConfigFault, ConfigFaultInput>;

/** A config fault with defaults applied: a `Fault` and its `match`. */
export type ConfigFault = Fault & { match?: MatchConditions | undefined };
/** A config fault as written. */
export type ConfigFaultInput = FaultInput & { match?: z.input<typeof matchSchema> | undefined };
