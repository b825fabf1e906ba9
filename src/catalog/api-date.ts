import { z } from 'zod';
import data from './catalog.json' with { type: 'json' };

/**
 * The date the shipped catalog describes, and the default `apiDate`: a fixed date that ships with
 * the data, never the wall clock, so the same run gives the same answers on any day.
 */
export const DEFAULT_API_DATE: string = data.date;

/** A calendar date `YYYY-MM-DD` (UTC), as catalog dates and `apiDate` are written. */
export const isoDateSchema = z.iso.date();
