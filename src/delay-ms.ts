import { z } from 'zod';
import { MAX_DELAY_MS } from './clock.ts';

/** The message of a delay past MAX_DELAY_MS (the fixture loader words its own from the maximum). */
export const DELAY_TOO_LONG = `at most ${MAX_DELAY_MS} ms (24 hours)`;

/** A delay in milliseconds of the app clock, 0 to MAX_DELAY_MS (a bigger one is an error, never a silent clamp). */
export const delayMsSchema = z.number().nonnegative().max(MAX_DELAY_MS, DELAY_TOO_LONG);
