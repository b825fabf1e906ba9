import { z } from 'zod';
import defaultModels from './default-models.json' with { type: 'json' };
import { modelEntrySchema, type ModelEntry, type ModelEntryInput } from './model-entry.ts';

/** The model catalog: lookups by id over the default data plus the config's additions. */
export interface Catalog {
  /** Models a client can use, in catalog order (retired ones excluded). */
  readonly listed: readonly ModelEntry[];
  /** The live model with this id; undefined for unknown and retired ids alike (both answer 404). */
  find(id: string): ModelEntry | undefined;
}

/** How the config changes the default catalog. */
export interface CatalogOptions {
  /** Entries added to the default catalog; an entry with an existing id replaces that model. */
  models?: readonly ModelEntryInput[];
  /** Drop the default catalog and use only `models`. */
  replaceModels?: boolean;
}

const defaults: ModelEntry[] = z.array(modelEntrySchema).parse(defaultModels);

/** Builds the catalog. Entries are validated by the caller's schema; this only merges them. */
export function createCatalog(options: CatalogOptions = {}): Catalog {
  const byId = new Map<string, ModelEntry>();
  if (!options.replaceModels) for (const model of defaults) byId.set(model.id, model);
  for (const input of options.models ?? []) byId.set(input.id, modelEntrySchema.parse(input));
  const listed = [...byId.values()].filter((model) => model.retired === undefined);
  const live = new Map(listed.map((model) => [model.id, model]));
  return { listed, find: (id) => live.get(id) };
}
