import { createHash } from 'node:crypto';
import { BoundedCountCache } from './bounded-count-cache.ts';
import { DEFAULT_ENCODING, isEncodingName, MAX_TOKEN_BYTES, type EncodingName } from './encoding-name.ts';
import { abortError, TokenWorkerClient } from './token-worker-client.ts';

/** Default approximate budget of each cache (main-thread text cache and worker piece cache). */
const DEFAULT_CACHE_BYTES = 8 * 1024 * 1024;
/**
 * Texts up to this length are cached under themselves (their cost is counted in the budget); longer
 * ones under their SHA-256 digest in base64, which is always DIGEST_CHARS long. A text of exactly that
 * length is hashed too, so a digest key can never equal a raw-text key. Hashing is the costly part of
 * a cache hit, so typical messages and generated replies (a few hundred chars) are kept raw.
 */
const RAW_KEY_MAX_CHARS = 512;
const DIGEST_CHARS = 44;
/**
 * Longer texts are not cached: hashing them costs more than a count that stops early (SHA-256 of a
 * 100 MB prompt takes over a second), and no window holds one twice.
 */
const MAX_CACHED_CHARS = 4 * 1024 * 1024;

/** Counts tokens off the main thread with an exact BPE encoding. */
export interface TokenCounter {
  /**
   * Exact token counts of each text (same encoding for all; special-token strings count as ordinary text).
   * Empty and cached texts need no worker round trip; others wait until the encoder is warm. With
   * `stopAbove`, counting may stop as soon as the total is certainly above it: the counts are then lower
   * bounds whose sum is above `stopAbove` (an exact total at or under it is always counted in full).
   * Rejects with an AbortError if `signal` aborts, or with an Error if the worker dies (a new worker is
   * spawned on the next call).
   */
  countTexts(texts: readonly string[], signal?: AbortSignal, stopAbove?: number): Promise<number[]>;
  /**
   * The exact counts at once, when every text is empty or already counted (and short: long texts
   * are left to `countTexts`); undefined when any text would need the worker. Optional: a counter without it is always asked through `countTexts`. (The
   * common request repeats texts the counter has seen, and answering it without a promise saves the
   * async steps of every stage that counts.)
   */
  countKnown?(texts: readonly string[]): number[] | undefined;
  /** Resolves once the rank table is loaded in the worker (rejects if that worker dies first). */
  readonly ready: Promise<void>;
  /** The encoding name, e.g. "o200k_base". */
  readonly encoding: string;
  /**
   * Terminates the worker; pending counts reject. The counter stays usable: a later call spawns a new worker
   * (and the main-thread cache is kept).
   */
  close(): Promise<void>;
}

/** Options of {@link createTokenCounter}. */
export interface TokenCounterOptions {
  /** BPE encoding; default "o200k_base". */
  readonly encoding?: EncodingName;
  /** Approximate byte budget of each of the two caches (text → count here, piece → count in the worker); 0 disables them. Default 8 MiB. */
  readonly cacheBytes?: number;
}

/** The cache key of a text: the text itself if short, else its SHA-256 (over the exact UTF-16 code units). */
function textKey(text: string): string {
  if (text.length <= RAW_KEY_MAX_CHARS && text.length !== DIGEST_CHARS) return text;
  return createHash('sha256').update(text, 'utf16le').digest('base64');
}

class WorkerTokenCounter implements TokenCounter {
  private client: TokenWorkerClient | null = null;
  private readonly cache: BoundedCountCache;

  constructor(readonly encoding: EncodingName, private readonly cacheBytes: number) {
    this.cache = new BoundedCountCache(cacheBytes);
    this.worker(); // start loading the rank table now, without waiting for it
  }

  get ready(): Promise<void> {
    const client = this.worker();
    client.holdUntilReady();
    return client.ready;
  }

  countKnown(texts: readonly string[]): number[] | undefined {
    const counts = new Array<number>(texts.length);
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!;
      // Only texts cached under themselves: hashing a long one here would be done again by
      // `countTexts` whenever another text turns out unknown (a long conversation's next turn).
      if (text.length > RAW_KEY_MAX_CHARS || text.length === DIGEST_CHARS) return undefined;
      const hit = text === '' ? 0 : this.cache.get(text);
      if (hit === undefined) return undefined;
      counts[index] = hit;
    }
    return counts;
  }

  async countTexts(texts: readonly string[], signal?: AbortSignal, stopAbove?: number): Promise<number[]> {
    if (signal?.aborted) throw abortError(signal);
    // Certainly over already by length alone: answer lower bounds without hashing or copying the texts.
    if (stopAbove !== undefined) {
      const floors = texts.map((text) => Math.ceil(text.length / MAX_TOKEN_BYTES));
      if (floors.reduce((sum, floor) => sum + floor, 0) > stopAbove) return floors;
    }
    const counts = new Array<number>(texts.length).fill(0);
    /** Distinct uncached texts → [cache key, indexes in `texts`]; created at the first miss. */
    let missing: Map<string, { key: string | undefined; indexes: number[] }> | undefined;
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!;
      if (text === '') continue;
      const seen = missing?.get(text);
      if (seen !== undefined) {
        seen.indexes.push(index);
        continue;
      }
      const key = text.length > MAX_CACHED_CHARS ? undefined : textKey(text);
      const hit = key === undefined ? undefined : this.cache.get(key);
      if (hit !== undefined) counts[index] = hit;
      else (missing ??= new Map()).set(text, { key, indexes: [index] });
    }
    if (missing === undefined) return counts;
    // The worker counts each distinct text once; repeats only add to the total, so its stop stays sound.
    const known = counts.reduce((sum, count) => sum + count, 0);
    const limit = stopAbove === undefined ? undefined : stopAbove - known;
    const { counts: fresh, exact } = await this.worker().count([...missing.keys()], signal, limit);
    let i = 0;
    for (const { key, indexes } of missing.values()) {
      const count = fresh[i++] as number;
      if (exact && key !== undefined) this.cache.set(key, count);
      for (const index of indexes) counts[index] = count;
    }
    return counts;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.terminate(new Error('token counter closed'));
  }

  /** The live worker client, spawning one if there is none (first use, or the previous one died). */
  private worker(): TokenWorkerClient {
    if (this.client === null || this.client.dead) {
      this.client = new TokenWorkerClient({ encoding: this.encoding, cacheBytes: this.cacheBytes }, (dead) => {
        if (this.client === dead) this.client = null;
      });
    }
    return this.client;
  }
}

/**
 * Creates a counter with its own worker thread, which starts loading the rank table at once (in the
 * background: this call does not block). The worker never keeps the process alive by itself. Throws a
 * RangeError for an unknown encoding or a negative / non-finite cacheBytes.
 */
export function createTokenCounter(options: TokenCounterOptions = {}): TokenCounter {
  const encoding = options.encoding ?? DEFAULT_ENCODING;
  if (!isEncodingName(encoding)) throw new RangeError(`unsupported encoding: ${String(encoding)}`);
  const cacheBytes = options.cacheBytes ?? DEFAULT_CACHE_BYTES;
  if (!Number.isFinite(cacheBytes) || cacheBytes < 0) throw new RangeError(`invalid cacheBytes: ${cacheBytes}`);
  return new WorkerTokenCounter(encoding, cacheBytes);
}

/**
 * Process-wide registry: the rank table is immutable and costly (~0.1-0.3 s CPU and tens of MB per
 * worker), so every app in the process shares one counter (one worker) per encoding.
 */
const sharedCounters = new Map<EncodingName, TokenCounter>();

/**
 * One counter per encoding, shared by every app in the process (the rank table is immutable and costly:
 * ~0.3 s and tens of MB). Created on first use with default options. Closing it only stops its current
 * worker; the next call on it spawns a new one.
 */
export function getSharedTokenCounter(encoding: EncodingName = DEFAULT_ENCODING): TokenCounter {
  let counter = sharedCounters.get(encoding);
  if (counter === undefined) {
    counter = createTokenCounter({ encoding });
    sharedCounters.set(encoding, counter);
  }
  return counter;
}
