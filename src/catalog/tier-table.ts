import { z } from 'zod';
import { isoDateSchema } from './api-date.ts';
import data from './rate-tiers.json' with { type: 'json' };

const limit = z.number().int().positive().nullable();
const tierNames = z.enum(['Tier0', 'Tier1', 'Tier2', 'Tier3', 'Tier4', 'Tier5']);
const limitsSchema = z.strictObject({ concurrency: limit, rpm: limit, tpm: limit, tpd: limit });

/** The limits of each recharge tier (`null`: unlimited), as a table in force from a date. */
export type TierTable = Readonly<Record<z.output<typeof tierNames>, Readonly<z.output<typeof limitsSchema>>>>;

const tablesSchema = z.strictObject({
  tables: z.array(z.strictObject({ from: isoDateSchema, tiers: z.record(tierNames, limitsSchema) })).min(1),
});

const tables = tablesSchema.parse(data).tables;

/**
 * The tier table in force on `date`: the latest one dated on or before it (the first one for earlier
 * dates). Concurrency and RPM changed on 2026-09-03; TPM and TPD did not.
 */
export function tierTableOn(date: string): TierTable {
  return (tables.findLast((table) => table.from <= date) ?? tables[0]!).tiers as TierTable;
}
