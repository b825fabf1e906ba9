import { Tiktoken } from 'js-tiktoken/lite';
import cl100k_base from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeText } from '../../src/tokens/encode-text.ts';
import { parseRankTable } from '../../src/tokens/parse-rank-table.ts';
import { createTokenCounter, getSharedTokenCounter } from '../../src/tokens/token-counter.ts';
import { base64Blob, mixedNoise, SAMPLE_TEXTS } from './sample-texts.ts';

const counter = createTokenCounter();
const table = parseRankTable(o200k);

beforeAll(() => counter.ready);
afterAll(() => counter.close());

// A worker thread's start and its rank table take seconds on a loaded machine.
describe('createTokenCounter (o200k_base)', { timeout: 60_000 }, () => {
  it('counts "a" x 100000 as exactly 12500 tokens', async () => {
    expect(await counter.countTexts(['a'.repeat(100_000)])).toEqual([12_500]);
  });

  it('agrees with js-tiktoken on varied texts', async () => {
    const reference = new Tiktoken(o200k);
    const texts = SAMPLE_TEXTS.filter((text) => text.length < 1_000);
    expect(await counter.countTexts(texts)).toEqual(texts.map((text) => reference.encode(text, [], []).length));
    // Long samples: the pure encoder, itself checked token for token against js-tiktoken in encode-text.test.ts.
    expect(await counter.countTexts(SAMPLE_TEXTS)).toEqual(SAMPLE_TEXTS.map((text) => encodeText(table, text).length));
  });

  it('agrees with the pure encoder on huge pieces merged across slices', async () => {
    const texts = [
      'a'.repeat(30_000),
      `start ${'中'.repeat(5_000)} end`,
      `x${'!?'.repeat(8_000)}y`,
      ' '.repeat(20_000) + 'z',
      base64Blob(3, 60_000),
      mixedNoise(11, 50_000),
    ];
    expect(await counter.countTexts(texts)).toEqual(texts.map((text) => encodeText(table, text).length));
  });

  it('counts special-token strings as ordinary text', async () => {
    const [count] = await counter.countTexts(['<|endoftext|>']);
    expect(count).toBe(encodeText(table, '<|endoftext|>').length);
    expect(count).toBeGreaterThan(1);
  });

  it('answers known short texts at once (countKnown), and leaves unknown or long ones to countTexts', async () => {
    const long = 'a known paragraph, '.repeat(40); // over the 512 characters kept as their own cache key
    expect(counter.countKnown!(['known at once?'])).toBeUndefined();
    await counter.countTexts(['known at once?', long]);
    expect(counter.countKnown!(['', 'known at once?'])).toEqual([0, encodeText(table, 'known at once?').length]);
    expect(counter.countKnown!(['known at once?', 'not counted yet'])).toBeUndefined();
    expect(counter.countKnown!([long])).toBeUndefined();
  });

  it('returns 0 for empty strings and handles duplicates within one call', async () => {
    expect(await counter.countTexts([])).toEqual([]);
    expect(await counter.countTexts(['', 'hello world', '', 'hello world'])).toEqual([0, 2, 0, 2]);
  });

  it('resolves a small job posted after a huge one first', async () => {
    const order: string[] = [];
    const huge = counter.countTexts([mixedNoise(5, 400_000), 'b'.repeat(400_000)]).then(() => order.push('huge'));
    const small = counter.countTexts(['a small question?']).then(() => order.push('small'));
    await Promise.all([huge, small]);
    expect(order).toEqual(['small', 'huge']);
  });

  it('resolves a small job posted while a huge one is already being counted first', async () => {
    const order: string[] = [];
    const huge = counter.countTexts(['c'.repeat(600_000)]).then(() => order.push('huge'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const small = counter.countTexts(['another small one']).then(() => order.push('small'));
    await Promise.all([huge, small]);
    expect(order).toEqual(['small', 'huge']);
  });

  it('rejects with an AbortError when the signal aborts, and keeps working afterwards', async () => {
    const controller = new AbortController();
    const pending = counter.countTexts(['d'.repeat(500_000)], controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(counter.countTexts(['x'], AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(await counter.countTexts(['still alive'])).toEqual([2]);
  });

  it('never lets a cache change a count', async () => {
    const texts = [
      'short',
      'a text long enough to be cached under its SHA-256 digest rather than itself',
      'a text long enough to be cached under its SHA-256 digest rather than itself!',
      mixedNoise(21, 3_000),
      mixedNoise(22, 3_000),
    ];
    const uncached = createTokenCounter({ cacheBytes: 0 });
    const tiny = createTokenCounter({ cacheBytes: 2_000 });
    try {
      const expected = texts.map((text) => encodeText(table, text).length);
      expect(await counter.countTexts(texts)).toEqual(expected);
      expect(await counter.countTexts(texts)).toEqual(expected);
      expect(await counter.countTexts([...texts].reverse())).toEqual([...expected].reverse());
      expect(await uncached.countTexts(texts)).toEqual(expected);
      for (let round = 0; round < 3; round++) expect(await tiny.countTexts(texts)).toEqual(expected);
    } finally {
      await Promise.all([uncached.close(), tiny.close()]);
    }
  });

  it('rejects pending counts on close and spawns a new worker on the next call', async () => {
    const victim = createTokenCounter();
    const pending = expect(victim.countTexts(['e'.repeat(300_000)])).rejects.toThrow(/closed/);
    await victim.close();
    await pending;
    expect(await victim.countTexts(['back again'])).toEqual([2]);
    await victim.ready;
    await victim.close();
  });
  it('rejects pending counts if the worker dies, then spawns a new one', async () => {
    const victim = createTokenCounter();
    await victim.ready;
    const pending = expect(victim.countTexts(['f'.repeat(300_000)])).rejects.toThrow(/exited/);
    // Simulate a crash: kill the thread behind the counter's back (private fields, test only).
    const internals = victim as unknown as { client: { worker: { terminate(): Promise<number> } } };
    await internals.client.worker.terminate();
    await pending;
    expect(await victim.countTexts(['after the crash'])).toEqual([encodeText(table, 'after the crash').length]);
    await victim.close();
  });
});

describe('getSharedTokenCounter', { timeout: 60_000 }, () => {
  it('returns one counter per encoding', async () => {
    const shared = getSharedTokenCounter();
    expect(getSharedTokenCounter('o200k_base')).toBe(shared);
    expect(shared.encoding).toBe('o200k_base');
    const cl100k = getSharedTokenCounter('cl100k_base');
    expect(cl100k).not.toBe(shared);
    expect(cl100k.encoding).toBe('cl100k_base');
    const reference = new Tiktoken(cl100k_base);
    const texts = SAMPLE_TEXTS.filter((text) => text.length < 1_000);
    const cl100kCounts = await cl100k.countTexts(texts);
    expect(cl100kCounts).toEqual(texts.map((text) => reference.encode(text, [], []).length));
    expect(await shared.countTexts(texts)).not.toEqual(cl100kCounts);
    await Promise.all([shared.close(), cl100k.close()]);
  }, 30_000); // loads two rank tables: slow on a loaded 2-core machine

  it('rejects unknown encodings and invalid cache budgets synchronously', () => {
    expect(() => createTokenCounter({ encoding: 'gpt2' as 'o200k_base' })).toThrow(RangeError);
    expect(() => createTokenCounter({ cacheBytes: -1 })).toThrow(RangeError);
  });
});
