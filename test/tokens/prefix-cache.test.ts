import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { cachePartition, createPrefixCache } from '../../src/tokens/prefix-cache.ts';

const tools: unknown[] = [];
const m = (content: string) => ({ role: 'user', content });

describe('createPrefixCache', () => {
  it('misses the first time and hits the whole prompt the second time', () => {
    const cache = createPrefixCache(createManualClock(0), new Map());
    expect(cache.serve('p', [tools, m('a'), m('b')], [0, 10, 20])).toBe(0);
    expect(cache.serve('p', [tools, m('a'), m('b')], [0, 10, 20])).toBe(30);
  });

  it('reports the longest earlier prompt this one begins with', () => {
    const cache = createPrefixCache(createManualClock(0), new Map());
    cache.serve('p', [tools, m('a')], [0, 10]);
    cache.serve('p', [tools, m('a'), m('b')], [0, 10, 20]);
    expect(cache.serve('p', [tools, m('a'), m('b'), m('c')], [0, 10, 20, 5])).toBe(30);
    expect(cache.serve('p', [tools, m('a'), m('x')], [0, 10, 20])).toBe(10);
  });

  it('never hits an earlier prompt that only shares part of a message', () => {
    const cache = createPrefixCache(createManualClock(0), new Map());
    cache.serve('p', [tools, m('a'), m('b')], [0, 10, 20]);
    expect(cache.serve('p', [tools, m('a'), m('bc')], [0, 10, 21])).toBe(0);
  });

  it('keeps partitions apart', () => {
    const cache = createPrefixCache(createManualClock(0), new Map());
    cache.serve('p', [tools, m('a')], [0, 10]);
    expect(cache.serve('q', [tools, m('a')], [0, 10])).toBe(0);
  });

  it('misses when the declared tools differ', () => {
    const cache = createPrefixCache(createManualClock(0), new Map());
    cache.serve('p', [[{ name: 'x' }], m('a')], [5, 10]);
    expect(cache.serve('p', [[{ name: 'y' }], m('a')], [5, 10])).toBe(0);
  });

  it('forgets a prompt 5 minutes after it was last seen, and a hit renews it', () => {
    const clock = createManualClock(0);
    const cache = createPrefixCache(clock, new Map());
    cache.serve('p', [tools, m('a')], [0, 10]);
    clock.advance(4 * 60_000);
    expect(cache.serve('p', [tools, m('a'), m('b')], [0, 10, 5])).toBe(10);
    clock.advance(4 * 60_000);
    expect(cache.serve('p', [tools, m('a'), m('c')], [0, 10, 5])).toBe(10);
    clock.advance(5 * 60_000);
    expect(cache.serve('p', [tools, m('a'), m('d')], [0, 10, 5])).toBe(0);
  });

  it('holds at most maxEntries prompts, dropping the least recently seen', () => {
    const cache = createPrefixCache(createManualClock(0), new Map(), { maxEntries: 3 });
    for (const text of ['a', 'b', 'c', 'd']) cache.serve('p', [tools, m(text)], [0, 1]);
    expect(cache.size).toBe(3);
    expect(cache.serve('p', [tools, m('a')], [0, 1])).toBe(0);
    expect(cache.serve('p', [tools, m('d')], [0, 1])).toBe(1);
  });

  it('reports nothing and remembers nothing when disabled', () => {
    const cache = createPrefixCache(createManualClock(0), new Map(), { enabled: false });
    cache.serve('p', [tools, m('a')], [0, 10]);
    expect(cache.serve('p', [tools, m('a')], [0, 10])).toBe(0);
    expect(cache.size).toBe(0);
  });

  it('partitions by user, model, prompt_cache_key and effort', () => {
    const base = { model: { id: 'm' }, effort: 'max' as string | undefined, request: { prompt_cache_key: null as string | null } };
    const keys = new Set([
      cachePartition('u', base),
      cachePartition('v', base),
      cachePartition('u', { ...base, model: { id: 'n' } }),
      cachePartition('u', { ...base, effort: 'low' }),
      cachePartition('u', { ...base, request: { prompt_cache_key: 'k' } }),
    ]);
    expect(keys.size).toBe(5);
  });
});
