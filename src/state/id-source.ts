import { createRandom } from '../random.ts';

/** Ids drawn for one request. */
export interface RequestIds {
  /** The `Msh-Request-Id` header: uuid-shaped, as the live header. */
  requestId: string;
  /** 16 hex digits that follow hex(created) in `chatcmpl-…`. */
  completionSuffix: string;
}

/** Deterministic ids: the same seed and the same order of requests give the same ids. */
export interface IdSource {
  next(): RequestIds;
}

/** Creates an id sequence from the app's seed (and a namespace's salt, if any). */
export function createIdSource(seed: number, salt?: string): IdSource {
  const random = createRandom(salt === undefined ? `ids|${seed}` : `ids|${seed}|${salt}`);
  return {
    next() {
      // The same draws as slicing random.hex(32) into the uuid's groups, without the slices.
      const a = random.hex(8);
      const b = random.hex(8);
      const c = random.hex(8);
      const d = random.hex(8);
      const requestId = `${a}-${b.slice(0, 4)}-1${b.slice(5)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
      return { requestId, completionSuffix: random.hex(16) };
    },
  };
}

/** `chatcmpl-` + 8 hex digits of `created` + 16 hex digits (A4). */
export function completionId(created: number, suffix: string): string {
  return `chatcmpl-${created.toString(16).padStart(8, '0')}${suffix}`;
}

/** The uuid-like id of K3-era models: `chatcmpl-` + 8-4-4-4-12 hex digits, from the request's draw. */
export function uuidCompletionId(ids: RequestIds): string {
  const h = ids.completionSuffix + ids.requestId.replace(/-/g, '').slice(16);
  return `chatcmpl-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
