import * as z from 'zod';
import { limitValuesSchema, tierSchema } from './limits-config.ts';

const count = z.number().int().nonnegative();

/**
 * One user's limits and current usage, as GET /_mock/limits shows it. Usage covers admitted requests
 * only; all zeros while the limiter is off. `tokensLastDay` is `null` when TPD is unlimited: the day
 * window is then not kept, so memory stays bounded by the minute windows.
 */
export const userLimitsSnapshotSchema = z.strictObject({
  organization: z.string(),
  tier: tierSchema.nullable(),
  limits: limitValuesSchema,
  usage: z.strictObject({
    inFlight: count,
    requestsLastMinute: count,
    tokensLastMinute: count,
    tokensLastDay: count.nullable(),
  }),
});

/** Every user's limits and usage, in config order (open mode: the one default user). */
export const limitsSnapshotSchema = z.array(userLimitsSnapshotSchema);

/** The body of GET /_mock/limits. */
export type LimitsSnapshot = z.output<typeof limitsSnapshotSchema>;
