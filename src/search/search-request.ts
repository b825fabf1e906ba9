import * as z from 'zod';
import { invalidSearch } from './search-error.ts';

const DAY = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The body of `/v1/tools/search` and `/v1/tools/search_pro` (`sites` and `time_window` are Pro's). */
export interface SearchRequest {
  text_query: string;
  timeout_seconds?: number;
  limit: number;
  include_content: boolean;
  sites?: string[];
  time_window?: { start?: string; end?: string };
}

const bodySchema = z.looseObject({
  text_query: z.string().optional(),
  timeout_seconds: z.number().optional(),
  limit: z.number().int().optional(),
  include_content: z.boolean().optional(),
  sites: z.array(z.string()).optional(),
  time_window: z.looseObject({ start: z.string().optional(), end: z.string().optional() }).optional(),
});

/**
 * Checks a search body in the documented order, with the documented messages: a body of the wrong
 * shape is "invalid request body"; then text_query, timeout_seconds (1–60), limit (1–20, default 5)
 * and, for Pro, sites (≤ 5, no whitespace or parentheses) and time_window (YYYY, YYYY-MM or
 * YYYY-MM-DD, start not after end). Basic search ignores Pro's fields.
 */
export function parseSearchRequest(body: unknown, pro: boolean): SearchRequest {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success || typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidSearch('invalid request body');
  const { text_query, timeout_seconds, limit = 5, include_content = false, sites, time_window } = parsed.data;
  if (!text_query?.trim()) throw invalidSearch('text_query is required');
  if (timeout_seconds !== undefined && timeout_seconds > 60) throw invalidSearch('timeout_seconds must be less than or equal to 60');
  // [G] the lower bound's wording mirrors the documented upper one.
  if (timeout_seconds !== undefined && timeout_seconds < 1) throw invalidSearch('timeout_seconds must be greater than or equal to 1');
  if (limit < 1 || limit > 20) throw invalidSearch('limit must be between 1 and 20');
  const request: SearchRequest = { text_query, limit, include_content };
  if (timeout_seconds !== undefined) request.timeout_seconds = timeout_seconds;
  if (!pro) return request;
  if (sites) {
    if (sites.length > 5) throw invalidSearch('sites must contain at most 5 entries');
    if (sites.some((site) => /[\s()]/.test(site))) throw invalidSearch('site must not contain whitespace or parentheses');
    request.sites = sites;
  }
  if (time_window) {
    for (const edge of ['start', 'end'] as const) {
      const value = time_window[edge];
      if (value !== undefined && !DAY.test(value)) throw invalidSearch(`time_window.${edge} is invalid, expect YYYY / YYYY-MM / YYYY-MM-DD`);
    }
    const { start, end } = time_window;
    const common = Math.min(start?.length ?? 0, end?.length ?? 0);
    if (start && end && start.slice(0, common) > end.slice(0, common)) throw invalidSearch('time_window.start must not be after time_window.end');
    request.time_window = { ...(start && { start }), ...(end && { end }) };
  }
  return request;
}
