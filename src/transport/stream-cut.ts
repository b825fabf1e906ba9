/**
 * How an injected fault breaks a stream, in transport terms. Chunk counts are `data:` chunks already
 * sent (comments do not count).
 */
export type StreamCut =
  /** The connection is destroyed after N chunks, or N ms after the response started. */
  | { kind: 'disconnect'; afterChunks: number | undefined; afterMs: number | undefined }
  /** One `data: {"error":…}` event, then the stream ends without `[DONE]`. */
  | { kind: 'error_event'; afterChunks: number; payload: object }
  /** Nothing more is sent; the connection stays open until the client leaves, or `capMs` passes. */
  | { kind: 'stall'; afterChunks: number; capMs: number }
  /** A `data:` line that is not valid JSON, then the stream goes on. */
  | { kind: 'malformed_chunk'; afterChunks: number }
  /** The stream ends cleanly after N chunks: no final chunk, no `[DONE]`. */
  | { kind: 'truncate'; afterChunks: number };
