import type { ErrorKind } from '../errors/error-kind.ts';
import type { Completion } from '../reply/completion.ts';
import type { StreamShape } from '../reply/stream-shape.ts';

/**
 * One stream event: a chunk (with the word pieces it carries, for pacing) or a comment line. `event`
 * names the chunk with an `event:` line before its `data:` line (Anthropic and Responses streams do;
 * Moonshot's does not).
 */
export type SseEvent = { data: object; pieces: number; event?: string } | { comment: string };

/** How a wire dialect writes what the core decided; the sender calls it and knows no dialect. */
export interface WireEncoder {
  /** The JSON body of a completion. */
  body(completion: Completion): object;
  /** The stream events of a completion, in order; `shape` cuts and decorates them. */
  chunks(completion: Completion, includeUsage: boolean, shape: StreamShape): SseEvent[];
  /** The mid-stream error event sent after `sent` chunks (its payload, and its `event:` name if the dialect names events). */
  errorEvent(error: ErrorKind, sent: number): { data: object; event?: string };
  /** The `data:` value that ends a stream cleanly (Moonshot: `[DONE]`); undefined for none. */
  done: string | undefined;
  /** A `data:` value that is not valid JSON (for `malformed_chunk`), with its `event:` name if the dialect names events. */
  malformed: { data: string; event?: string };
}
