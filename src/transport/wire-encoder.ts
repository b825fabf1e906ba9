import type { ErrorKind } from '../errors/error-kind.ts';
import type { Completion } from '../reply/completion.ts';
import type { StreamShape } from '../reply/stream-shape.ts';

/** One stream event: a chunk (with the word pieces it carries, for pacing) or a comment line. */
export type SseEvent = { data: object; pieces: number } | { comment: string };

/** How a wire dialect writes what the core decided; the sender calls it and knows no dialect. */
export interface WireEncoder {
  /** The JSON body of a completion. */
  body(completion: Completion): object;
  /** The stream events of a completion, in order; `shape` cuts and decorates them. */
  chunks(completion: Completion, includeUsage: boolean, shape: StreamShape): SseEvent[];
  /** The payload of a mid-stream error event. */
  errorEvent(error: ErrorKind): object;
  /** The `data:` value that ends a stream cleanly (Moonshot: `[DONE]`); undefined for none. */
  done: string | undefined;
  /** A `data:` value that is not valid JSON (for `malformed_chunk`). */
  malformed: string;
}
