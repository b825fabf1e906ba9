import type { EncodingName } from './encoding-name.ts';

/** `workerData` of the token worker. */
export interface TokenWorkerData {
  readonly encoding: EncodingName;
  /** Approximate byte budget of the worker's piece → count cache (0 disables it). */
  readonly cacheBytes: number;
}

/** Messages from the main thread to the token worker. Ids are unique per worker. */
export type TokenWorkerRequest =
  /** `stopAbove`: the worker may stop once the total is certainly above it (the reply is then not `exact`). */
  | { readonly type: 'count'; readonly id: number; readonly texts: readonly string[]; readonly stopAbove?: number }
  | { readonly type: 'cancel'; readonly id: number };

/** Messages from the token worker to the main thread. */
export type TokenWorkerResponse =
  /** The rank table is loaded; `loadMs` is the time the worker spent importing and parsing it. */
  | { readonly type: 'ready'; readonly loadMs: number }
  /** The rank table could not be loaded; every job of this worker will fail. */
  | { readonly type: 'load-failed'; readonly message: string }
  /** `exact: false`: the job stopped early and the counts are lower bounds summing above its `stopAbove`. */
  | { readonly type: 'counts'; readonly id: number; readonly counts: readonly number[]; readonly exact: boolean }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
