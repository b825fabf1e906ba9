import { z } from 'zod';
import { isoDateSchema } from './api-date.ts';
import { modelRulesSchema, modelRulesShape } from './model-rules.ts';

/** A dated change of an entry's rules: from `from` on, the fields of `set` replace the entry's own. */
export const ruleChangeSchema = z.strictObject({
  from: isoDateSchema,
  /** Any rule fields (see the entry), each replacing the field whole. */
  set: z.record(z.string(), z.unknown()),
});

/**
 * One model of the catalog, with its dates and rules. The shipped catalog (models.json) and the
 * `models` option of the config are both parsed with this schema, so a user describes a new model
 * with the same fields (and no code).
 */
export const modelEntrySchema = z
  .strictObject({
    id: z.string().min(1),
    /** First day the model answers (UTC); absent: it always has. */
    released: isoDateSchema.optional(),
    /** First day it answers 404 and is no longer listed; absent: still live. */
    retired: isoDateSchema.optional(),
    /** Unix seconds, as listed by GET /v1/models (default: midnight UTC of `released`). */
    created: z.number().int().nonnegative().optional(),
    owned_by: z.string().default('moonshot'),
    display_name: z.string().optional(),
    ...modelRulesShape,
    /** Rule changes over time, in date order (e.g. reasoning_effort values added after launch). */
    changes: z.array(ruleChangeSchema).default([]),
  })
  .superRefine((entry, ctx) => {
    entry.changes.forEach((change, i) => {
      const result = modelRulesSchema.safeParse({ ...rulesOf(entry), ...change.set });
      for (const issue of result.error?.issues ?? []) {
        ctx.addIssue({ code: 'custom', path: ['changes', i, 'set', ...issue.path], message: issue.message });
      }
    });
  });

/** A catalog entry as written (defaults optional). */
export type ModelEntryInput = z.input<typeof modelEntrySchema>;
/** A catalog entry with every default filled in, its changes not yet applied. */
export type ModelEntry = z.output<typeof modelEntrySchema>;

/** The rules fields of an entry (no id, dates or changes). */
function rulesOf(entry: ModelEntry): Record<string, unknown> {
  const { id: _id, released: _r, retired: _t, created: _c, owned_by: _o, display_name: _d, changes: _ch, ...rules } = entry;
  return rules;
}

/** A model as it is on one date: its changes up to that date applied, `created` filled in. */
export type Model = Omit<ModelEntry, 'changes' | 'created'> & { created: number };

/** Unix seconds of midnight UTC on an ISO date. */
export const unixOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

/** Whether the entry answers on `date`: released on or before it, not yet retired. */
export function isLiveOn(entry: ModelEntry, date: string): boolean {
  return (entry.released === undefined || entry.released <= date) && (entry.retired === undefined || date < entry.retired);
}

/** The entry as of `date`: each change dated on or before it applied in order. */
export function modelOn(entry: ModelEntry, date: string): Model {
  const { changes, created, ...base } = entry;
  const set = changes.filter((change) => change.from <= date).reduce((acc, change) => ({ ...acc, ...change.set }), {});
  const rules = Object.keys(set).length === 0 ? rulesOf(entry) : modelRulesSchema.parse({ ...rulesOf(entry), ...set });
  return { ...base, ...(rules as object), created: created ?? unixOf(entry.released ?? '2026-01-01') } as Model;
}
