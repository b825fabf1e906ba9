import * as z from 'zod';
import prices from './prices.json' with { type: 'json' };

/** USD per 1M tokens, with where the figure comes from: P primary doc, T third party, G guess. */
const rateSchema = z.strictObject({
  cache_hit: z.number().nonnegative(),
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  source: z.enum(['P', 'T', 'G']),
});

const modelPriceSchema = rateSchema.extend({ batch: rateSchema.optional() });

const priceFileSchema = z.strictObject({
  currency: z.literal('USD'),
  unit: z.string(),
  tables: z.array(z.strictObject({ from: z.iso.date(), models: z.record(z.string(), modelPriceSchema) })),
  tools: z.array(z.looseObject({ from: z.iso.date(), source: z.enum(['P', 'T', 'G']) })),
});

/** One model's token prices in force on a date. */
export type TokenRates = z.output<typeof rateSchema>;

/** Per-call prices of the search tools. */
export type ToolName = 'web_search' | 'search' | 'search_pro' | 'fetch';

/** The dated price tables (prices.json), read once. */
export interface PriceTable {
  /** Token prices of `model` on `date` (ISO day; latest when undefined), or undefined for a model without a price. */
  tokenRates(model: string, date?: string, mode?: 'standard' | 'batch'): TokenRates | undefined;
  /** Whether the Batch API takes `model` on `date`: only models with a batch price. */
  takesBatches(model: string, date?: string): boolean;
  /** USD per call of a search tool on `date`, or undefined before the tool existed. */
  toolPrice(tool: ToolName, date?: string): number | undefined;
}

// jitless: read once at start-up, where compiling zod's fast path would cost more than it saves.
const file = priceFileSchema.parse(prices, { jitless: true });
// Latest first. ISO dates sort as plain strings (localeCompare would load ICU collation at start-up).
const latestFirst = (a: { from: string }, b: { from: string }) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0);
const byDate = [...file.tables].sort(latestFirst);
const toolsByDate = [...file.tools].sort(latestFirst);

/**
 * The price table. A model's prices are those of the latest table that lists it and starts on or
 * before `date`; a model in no table (e.g. one added by the `models` option) has no price and is free.
 */
export const priceTable: PriceTable = {
  tokenRates(model, date, mode = 'standard') {
    const table = byDate.find((t) => (date === undefined || t.from <= date) && model in t.models);
    const price = table?.models[model];
    if (!price) return undefined;
    if (mode === 'batch') return price.batch;
    const { cache_hit, input, output, source } = price;
    return { cache_hit, input, output, source };
  },
  takesBatches(model, date) {
    return this.tokenRates(model, date, 'batch') !== undefined;
  },
  toolPrice(tool, date) {
    const entry = toolsByDate.find((t) => date === undefined || t.from <= date);
    const price = entry?.[tool];
    return typeof price === 'number' ? price : undefined;
  },
};
