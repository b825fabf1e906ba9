import { describe, expect, it } from 'vitest';
import { byteKey } from '../../src/tokens/byte-key.ts';

describe('byteKey', () => {
  it('returns ASCII unchanged', () => {
    const ascii = 'plain ASCII text\t\n~';
    expect(byteKey(ascii)).toBe(ascii);
    expect(byteKey('')).toBe('');
  });

  it('gives one char per UTF-8 byte, like TextEncoder (lone surrogates become U+FFFD)', () => {
    for (const text of ['é', '中文', '😀', 'a\ud800b', '\udfff', 'mixed é 中 😀 \ud83d']) {
      const expected = String.fromCharCode(...new TextEncoder().encode(text));
      expect(byteKey(text)).toBe(expected);
    }
  });
});
