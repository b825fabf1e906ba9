import type { ErrorKind } from '../errors/error-kind.ts';
import type { Completion } from './completion.ts';
import type { StreamShape } from './stream-shape.ts';

/**
 * How an injected fault breaks a stream. Chunk counts are `data:` chunks that reached the client's
 * socket (comments do not count).
 */
export type StreamCut =
  /** The connection drops after N chunks, or N ms after the response started (never ending cleanly first). */
  | { kind: 'disconnect'; afterChunks: number; afterMs?: undefined }
  | { kind: 'disconnect'; afterMs: number; afterChunks?: undefined }
  /** One `data: {"error":…}` event, then the stream ends without `[DONE]`. */
  | { kind: 'error_event'; afterChunks: number; error: ErrorKind }
  /** Nothing more is sent; the connection stays open until the client leaves, or `capMs` passes. */
  | { kind: 'stall'; afterChunks: number; capMs: number }
  /** A `data:` line that is not valid JSON, then the stream goes on. */
  | { kind: 'malformed_chunk'; afterChunks: number }
  /** The stream ends cleanly after N chunks: no final chunk, no `[DONE]`. */
  | { kind: 'truncate'; afterChunks: number };

/** How an injected fault breaks a JSON answer. */
export type JsonCut =
  /** The connection drops without an answer, after `afterMs`. */
  | { kind: 'disconnect'; afterMs: number }
  /** No answer until the client leaves or `capMs` passes; then the connection drops. */
  | { kind: 'stall'; capMs: number }
  /** This error answers instead of the completion. */
  | { kind: 'error'; error: ErrorKind }
  /** The first half of the body, then a clean end. */
  | { kind: 'half' };

/**
 * A `timeout` fault: the reply takes its simulated generation time (time to first token + tokens ÷
 * tokens per second); past `timeoutMs`, `error` answers instead when `timeoutMs` has passed.
 */
export interface Deadline {
  timeoutMs: number;
  tokensPerSecond: number;
  error: ErrorKind;
}

/**
 * What a request gets, decided before any reply text exists (see `planReply`): an error, or the
 * completion as JSON or as a stream, each with its delay (before anything is sent), its deadline and its cut. The `json`
 * and `stream` plans serve the picked reply (a fixture's `replies` move on); `error` serves none.
 */
export type ReplyPlan =
  | { kind: 'error'; error: ErrorKind; delayMs: number; headers: Record<string, string> }
  | { kind: 'json'; delayMs: number; shape: StreamShape; deadline?: Deadline; cut?: JsonCut }
  | { kind: 'stream'; delayMs: number; shape: StreamShape; includeUsage: boolean; deadline?: Deadline; cut?: StreamCut };

/** A plan with its completion, every wait resolved: what the sender executes. */
export type Outgoing =
  | Extract<ReplyPlan, { kind: 'error' }>
  | { kind: 'json'; completion: Completion; delayMs: number; cut?: JsonCut }
  | { kind: 'stream'; completion: Completion; delayMs: number; shape: StreamShape; includeUsage: boolean; cut?: StreamCut };
