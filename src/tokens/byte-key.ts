import { Buffer } from 'node:buffer';

/** Any char outside ASCII (a regex scan is several times faster than a charCodeAt loop on long pieces). */
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The UTF-8 bytes of `piece` as a latin1 string (one char per byte), the key format of
 * RankTable.ranks. ASCII input is returned as is (no copy). Lone surrogates become
 * EF BF BD (U+FFFD), exactly like TextEncoder.
 */
export function byteKey(piece: string): string {
  return NON_ASCII.test(piece) ? Buffer.from(piece, 'utf8').toString('latin1') : piece;
}
