/** The only source of chance in the emulator: seeded, so every run replays exactly. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** `digits` lowercase hex digits. */
  hex(digits: number): string;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, mixed with `seed`. Stable across runs and platforms. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Scrambles a 32-bit state (splitmix32's finaliser), so nearby seeds give unrelated streams. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A small fast PRNG (sfc32) seeded from any string or number.
 * The same seed always yields the same sequence.
 */
export function createRandom(seed: number | string): Random {
  const h = hashString(String(seed));
  let a = mix32(h ^ 0x9e3779b9);
  let b = mix32(h ^ 0x85ebca6b);
  let c = mix32(h ^ 0xc2b2ae35);
  let d = mix32(h ^ 0x27d4eb2f) | 1;
  const nextUint = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 8; i++) nextUint();
  return {
    next: () => nextUint() / 4294967296,
    int: (maxExclusive) => Math.floor((nextUint() / 4294967296) * maxExclusive),
    hex(digits) {
      let out = '';
      while (out.length < digits) {
        const n = nextUint();
        out += HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
      }
      return out.length === digits ? out : out.slice(0, digits);
    },
  };
}
