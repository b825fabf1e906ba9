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
  return hashMore((0x811c9dc5 ^ seed) >>> 0, text);
}

/**
 * Continues an FNV-1a hash over more text: `hashMore(hashString(a), b) === hashString(a + b)`, so a
 * key made of parts is hashed without building the joined string.
 */
export function hashMore(hash: number, text: string): number {
  let h = hash;
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

/** sfc32 over a 32-bit seed hash: a class, so making one allocates no closures. */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(h: number) {
    this.a = mix32(h ^ 0x9e3779b9);
    this.b = mix32(h ^ 0x85ebca6b);
    this.c = mix32(h ^ 0xc2b2ae35);
    this.d = mix32(h ^ 0x27d4eb2f) | 1;
    for (let i = 0; i < 8; i++) this.nextUint();
  }

  private nextUint(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const rotated = (c << 21) | (c >>> 11);
    this.c = (rotated + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint() / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor((this.nextUint() / 4294967296) * maxExclusive);
  }

  hex(digits: number): string {
    let out = '';
    while (out.length < digits) {
      const n = this.nextUint();
      out += HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
    }
    return out.length === digits ? out : out.slice(0, digits);
  }
}

/**
 * A small fast PRNG (sfc32) seeded from any string or number.
 * The same seed always yields the same sequence.
 */
export function createRandom(seed: number | string): Random {
  return new Sfc32(hashString(String(seed)));
}

/** The same PRNG as `createRandom(s)`, from `hashString(s)` (for callers that hash their seed in parts). */
export function createRandomFromHash(hash: number): Random {
  return new Sfc32(hash >>> 0);
}
