import { createHash } from 'node:crypto';

/**
 * The key id shown in 429 messages for a key configured without one: `ak-` + the first 20 hex digits
 * of the key's SHA-256. The same key always gives the same id; the key itself never appears.
 */
export function deriveKeyId(key: string): string {
  return `ak-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 20)}`;
}
