import { deriveKeyId } from './key-id.ts';
import type { LimitValues, LimitsConfig, Tier } from './limits-config.ts';
import { resolveLimits, type TierLimits } from './resolve-limits.ts';

/** The organisation of open mode's single user. */
export const DEFAULT_ORGANIZATION = 'org-moonshot-mock';

/** A user with its limits resolved (see `resolveLimits`). */
export interface DirectoryUser {
  organization: string;
  /** The tier its limits start from; `null` when none applies. */
  tier: Tier | null;
  limits: LimitValues;
}

/** Who a key belongs to, and the key id that 429 messages show for it. */
export interface KeyOwner {
  user: DirectoryUser;
  keyId: string;
}

/** Every user of the app and the key → user lookup; authentication and the rate limiter share it. */
export interface UserDirectory {
  /** `true` when `users` is configured, so only listed keys exist; `false` in open mode. */
  readonly closed: boolean;
  /** In config order; open mode has exactly one, `DEFAULT_ORGANIZATION`. */
  readonly users: readonly DirectoryUser[];
  /**
   * The owner of `key`. Open mode: always the default user, with the key id derived from the key.
   * Closed mode: `undefined` for a key not listed (authentication answers 401 for it).
   */
  findUserByKey(key: string): KeyOwner | undefined;
}

/** How many open-mode keys keep their derived id at once. */
const OPEN_MODE_KEYS_HELD = 1024;

/** Builds the directory once per app from the parsed config and the tier table in force; the lookup is a map read. */
export function createUserDirectory(config: LimitsConfig, tiers?: TierLimits): UserDirectory {
  if (!config.users) {
    const user: DirectoryUser = { organization: DEFAULT_ORGANIZATION, ...resolveLimits(config, undefined, tiers) };
    // Keys seen lately, so the id's hash is not taken again on every call (a request looks its key up
    // several times); held in memory only, and bounded: past the bound the map starts over.
    const seen = new Map<string, KeyOwner>();
    const findUserByKey = (key: string): KeyOwner => {
      let owner = seen.get(key);
      if (owner === undefined) {
        if (seen.size >= OPEN_MODE_KEYS_HELD) seen.clear();
        owner = { user, keyId: deriveKeyId(key) };
        seen.set(key, owner);
      }
      return owner;
    };
    return { closed: false, users: [user], findUserByKey };
  }
  const owners = new Map<string, KeyOwner>();
  const users = config.users.map((entry) => {
    const user: DirectoryUser = { organization: entry.organization, ...resolveLimits(config, entry, tiers) };
    for (const { key, id } of entry.keys) owners.set(key, { user, keyId: id ?? deriveKeyId(key) });
    return user;
  });
  return { closed: true, users, findUserByKey: (key) => owners.get(key) };
}
