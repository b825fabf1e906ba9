import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { CachedPrompt } from '../state/run-state.ts';

/** How long a prompt stays cached after it was last seen (Chat Completions' default 5-minute cache). */
export const PREFIX_CACHE_TTL_MS = 5 * 60 * 1000;
/** Most prompts remembered per app; the least recently seen go first. */
export const PREFIX_CACHE_MAX_ENTRIES = 10_000;

/** Automatic prefix caching: which leading part of a prompt an earlier request already sent. */
export interface PrefixCache {
  /**
   * The tokens of the longest earlier prompt (same partition, seen within the TTL) that this prompt
   * begins with, 0 on a miss; then remembers this prompt, unless `write` is false (Anthropic's
   * endpoint writes only when asked). `blocks` are the prompt's parts in template order (declared
   * tools, then each message) and `tokens` their token counts.
   */
  serve(partition: string, blocks: readonly unknown[], tokens: readonly number[], options?: { write?: boolean }): number;
  /** Prompts remembered now (expired ones may linger until the next call). */
  readonly size: number;
}

/**
 * Chains keys shorter than this as the text itself; longer ones are hashed. Most prompts of a test
 * suite are a few short messages, and two hashes cost more than the rest of the cache's work.
 */
const RAW_KEY_MAX_CHARS = 256;
/**
 * Every digest key starts with this and is exactly 45 chars long; a raw key starts with the partition's
 * `[`, or with a digest key and more after it, so the two never meet.
 */
const DIGEST_MARK = '#';

/**
 * The key of a block chained to the one before: string fields length-prefixed (so no text can imitate
 * a field boundary), other values as their JSON. Short chains stay as their text; longer ones are
 * hashed in one update (a Hash update per field costs more than the text it hashes; not
 * `crypto.hash`, which Node 20 only has from 20.12).
 */
function chainKey(previous: string, block: unknown): string {
  let text = `${previous}\u0001`;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) text += `\u0000${JSON.stringify(block) ?? 'null'}`;
  else {
    for (const key in block) {
      const value = (block as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const part = typeof value === 'string' ? value : JSON.stringify(value);
      text += `${key.length}:${key}${typeof value === 'string' ? 's' : 'j'}${part.length}:${part}`;
    }
  }
  return text.length <= RAW_KEY_MAX_CHARS ? text : DIGEST_MARK + createHash('sha256').update(text).digest('base64');
}

/**
 * A prefix cache over the app clock, keeping its prompts in `entries` (the run state's, so a reset
 * forgets them), bounded to `maxEntries` prompts. A prompt is a chain of keys,
 * one per block, each covering every block before it (see `chainKey`), so "begins with that earlier prompt" is one
 * map lookup per block. A hit refreshes the TTL of the prompt it hit. Disabled: always 0, remembers nothing.
 */
export function createPrefixCache(
  clock: Clock,
  entries: Map<string, CachedPrompt>,
  options: { enabled?: boolean; ttlMs?: number; maxEntries?: number } = {},
): PrefixCache {
  const { enabled = true, ttlMs = PREFIX_CACHE_TTL_MS, maxEntries = PREFIX_CACHE_MAX_ENTRIES } = options;
  const remember = (key: string, tokens: number, now: number) => {
    entries.delete(key);
    entries.set(key, { tokens, expiresAt: now + ttlMs });
    // Map order is last-seen order and the TTL is constant, so the oldest (and expired) come first.
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && entries.get(oldest)!.expiresAt > now) break;
      entries.delete(oldest);
    }
  };
  return {
    serve(partition, blocks, tokens, { write = true } = {}) {
      if (!enabled || blocks.length < 2) return 0;
      const now = clock.now();
      const keys: string[] = [];
      let key = chainKey(partition, blocks[0]);
      for (let i = 1; i < blocks.length; i++) keys.push((key = chainKey(key, blocks[i])));
      let cached = 0;
      for (let i = keys.length - 1; i >= 0; i--) {
        const entry = entries.get(keys[i]!);
        if (entry === undefined || entry.expiresAt <= now) continue;
        cached = entry.tokens;
        remember(keys[i]!, entry.tokens, now);
        break;
      }
      if (write) remember(keys.at(-1)!, tokens.reduce((sum, n) => sum + n, 0), now);
      return cached;
    },
    get size() {
      return entries.size;
    },
  };
}

/** What decides whether two requests can share a cache: the user, the model, `prompt_cache_key`, and the effort. */
export function cachePartition(user: string, plan: { model: { id: string }; effort: string | undefined; request: { prompt_cache_key?: string | null } }): string {
  return JSON.stringify([user, plan.model.id, plan.request.prompt_cache_key ?? null, plan.effort ?? null]);
}
