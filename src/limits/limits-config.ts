import { z } from 'zod';

/** Moonshot's recharge tiers (B7); the catalog's dated tier tables give each one's four limits. */
export const tierSchema = z.enum(['Tier0', 'Tier1', 'Tier2', 'Tier3', 'Tier4', 'Tier5']);

/** A tier name. */
export type Tier = z.output<typeof tierSchema>;

const limitValue = z.number().int().positive().nullable();

/** The four limits in force for one user; `null` is unlimited. */
export const limitValuesSchema = z.strictObject({
  /** Requests in flight at once (an open stream holds its slot until it ends). */
  concurrency: limitValue,
  /** Requests admitted in any sliding minute. */
  rpm: limitValue,
  /** Tokens charged at admission (prompt + max_tokens) in any sliding minute. */
  tpm: limitValue,
  /** Tokens charged at admission in any sliding 24 hours. */
  tpd: limitValue,
});

/** Four limits, `null` meaning unlimited. */
export type LimitValues = z.output<typeof limitValuesSchema>;

/** An explicit limit: a positive integer (numeric strings coerce), or `null` to lift the tier's limit. */
const overrideValue = z.union([z.null(), z.coerce.number().int().positive()]).optional();

/**
 * Explicit limits; each number given overrides the tier's, `null` makes that measure unlimited,
 * and an absent field keeps the tier's value (unlimited when there is no tier).
 */
export const limitOverridesSchema = z.strictObject({
  concurrency: overrideValue,
  rpm: overrideValue,
  tpm: overrideValue,
  tpd: overrideValue,
});

/** Explicit limits as parsed. */
export type LimitOverrides = z.output<typeof limitOverridesSchema>;

/** One API key of a user; `id` is the key id shown in 429 messages (default: derived from the key). */
export const limitsKeySchema = z.strictObject({
  key: z.string().min(1),
  /** e.g. `ak-f0a1…`; defaults to `deriveKeyId(key)`. */
  id: z.string().min(1).optional(),
});

/**
 * A user (organisation): its keys share one set of limits across all models. A user with `tier`
 * starts from that tier's table and ignores the top-level `limits`; one without starts from the
 * top-level `tier` and `limits`. Its own `limits` apply last.
 */
export const limitsUserSchema = z.strictObject({
  /** Shown in 429 messages, e.g. `org-7df2…`. */
  organization: z.string().min(1),
  tier: tierSchema.optional(),
  limits: limitOverridesSchema.optional(),
  keys: z.array(limitsKeySchema).min(1),
});

/** A user as parsed. */
export type LimitsUser = z.output<typeof limitsUserSchema>;

/** Users, refused when an organisation or a key is listed twice (the issue points at the repeat). */
const usersSchema = z.array(limitsUserSchema).min(1).superRefine((users, ctx) => {
  const organizations = new Map<string, number>();
  const keys = new Map<string, number>();
  users.forEach((user, u) => {
    const earlier = organizations.get(user.organization);
    if (earlier !== undefined) {
      ctx.addIssue({ code: 'custom', path: [u, 'organization'], message: `organization already listed at users.${earlier}` });
    } else organizations.set(user.organization, u);
    user.keys.forEach((entry, k) => {
      const owner = keys.get(entry.key);
      if (owner !== undefined) {
        ctx.addIssue({ code: 'custom', path: [u, 'keys', k, 'key'], message: `key already listed at users.${owner}` });
      } else keys.set(entry.key, u);
    });
  });
});

/**
 * The rate-limit fields of the app config, to spread into its schema (`...limitsConfigShape`).
 * All optional: with none of them, the limiter is off. Without `users` (open mode) every key belongs
 * to one default user that gets the top-level `tier`/`limits`; with `users`, only listed keys exist.
 */
export const limitsConfigShape = {
  /** The tier of every user that names none. Absent: no tier (unlimited unless `limits` says otherwise). */
  tier: tierSchema.optional(),
  /** Explicit limits over the top-level tier, for users that name no tier of their own. */
  limits: limitOverridesSchema.optional(),
  /** Users and their keys; when given, a key not listed is unknown (401). */
  users: usersSchema.optional(),
};

/** The rate-limit fields on their own, as a schema (the app config is a superset). */
export const limitsConfigSchema = z.strictObject(limitsConfigShape);

/** Rate-limit options as a user writes them. */
export type LimitsConfigInput = z.input<typeof limitsConfigSchema>;
/** Rate-limit options as parsed; the app `Config` is assignable to it. */
export type LimitsConfig = z.output<typeof limitsConfigSchema>;
