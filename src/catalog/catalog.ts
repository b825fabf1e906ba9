import { z } from 'zod';
import { DEFAULT_API_DATE } from './api-date.ts';
import data from './catalog.json' with { type: 'json' };
import { isLiveOn, modelEntrySchema, modelOn, type Model, type ModelEntry, type ModelEntryInput } from './model-entry.ts';

/** The model catalog as it is on one date: lookups by id over the shipped data plus the config's additions. */
export interface Catalog {
  /** The date served (`apiDate`). */
  readonly date: string;
  /** Models a client can use on that date, in catalog order (not yet released and retired ones excluded). */
  readonly listed: readonly Model[];
  /** The live model with this id; undefined for unknown, unreleased and retired ids alike (all answer 404). */
  find(id: string): Model | undefined;
}

/** How the config changes the shipped catalog. */
export interface CatalogOptions {
  /** The date whose catalog and rules are served (`YYYY-MM-DD`); default: the date the data ships for. */
  apiDate?: string;
  /** Entries added to the shipped catalog; an entry with an existing id replaces that model. */
  models?: readonly ModelEntryInput[];
  /** Drop the shipped catalog and use only `models`. */
  replaceModels?: boolean;
}

/** Every model the shipped data knows, with its dates. */
export const shippedModels: readonly ModelEntry[] = z.array(modelEntrySchema).parse(data.models);

/** Builds the catalog for a date. Entries are parsed again here, so code callers need not pre-parse them. */
export function createCatalog(options: CatalogOptions = {}): Catalog {
  const date = options.apiDate ?? DEFAULT_API_DATE;
  const byId = new Map<string, ModelEntry>();
  if (!options.replaceModels) for (const entry of shippedModels) byId.set(entry.id, entry);
  for (const input of options.models ?? []) byId.set(input.id, modelEntrySchema.parse(input));
  const listed = [...byId.values()].filter((entry) => isLiveOn(entry, date)).map((entry) => modelOn(entry, date));
  const live = new Map(listed.map((model) => [model.id, model]));
  return { date, listed, find: (id) => live.get(id) };
}
