import { describe, expect, it } from 'vitest';
import { BoundedCountCache } from '../../src/tokens/bounded-count-cache.ts';

describe('BoundedCountCache', () => {
  it('returns stored values and undefined for unknown keys', () => {
    const cache = new BoundedCountCache(10_000);
    cache.set('a', 1);
    cache.set('a long key of at least thirteen characters', 2);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('a long key of at least thirteen characters')).toBe(2);
    expect(cache.get('b')).toBeUndefined();
  });

  it('stays bounded and never returns a wrong value under churn', () => {
    const cache = new BoundedCountCache(4_000);
    for (let i = 0; i < 10_000; i++) {
      cache.set(`key-${i}`, i);
      const probe = i - (i % 7) * 3;
      const hit = cache.get(`key-${probe}`);
      if (hit !== undefined) expect(hit).toBe(probe);
    }
    expect(cache.size).toBeLessThan(100);
    expect(cache.get('key-9999')).toBe(9_999);
  });

  it('keeps recently read entries across a generation switch', () => {
    const cache = new BoundedCountCache(2_000);
    cache.set('hot', 42);
    for (let i = 0; i < 200; i++) {
      expect(cache.get('hot')).toBe(42);
      cache.set(`cold-${i}`, i);
    }
    expect(cache.get('hot')).toBe(42);
  });

  it('caches nothing with a zero budget, and skips entries larger than half the budget', () => {
    const none = new BoundedCountCache(0);
    none.set('a', 1);
    expect(none.get('a')).toBeUndefined();
    const small = new BoundedCountCache(400);
    small.set('x'.repeat(500), 1);
    expect(small.get('x'.repeat(500))).toBeUndefined();
  });
});
