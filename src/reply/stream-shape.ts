import type { FixtureStream } from '../fixtures/fixture-schema.ts';

/** How a completion is cut into SSE chunks and paced. */
export interface StreamShape {
  /** Word pieces per content/reasoning delta. */
  tokensPerDelta: number;
  /** 1-character content/reasoning deltas. */
  charSlices: boolean;
  /** Each tool call whole in its first delta instead of argument slices. */
  toolCallWhole: boolean;
  /** A `: keep-alive` comment line before every chunk. */
  keepAlive: boolean;
  /** An empty `reasoning_content` delta right after the role chunk (thinking requests only). */
  emptyReasoning: boolean;
  /** Delay before the first delta that carries output. */
  ttftMs: number;
  /** Pace of output deltas; undefined = full speed. */
  tokensPerSecond: number | undefined;
}

/** The live API's shape: one piece per delta, argument slices, no comments, full speed. */
export const defaultStreamShape: StreamShape = {
  tokensPerDelta: 1, charSlices: false, toolCallWhole: false, keepAlive: false, emptyReasoning: false, ttftMs: 0, tokensPerSecond: undefined,
};

/** The shape a fixture's `stream` block asks for; profiles combine. */
export function streamShapeOf(stream: FixtureStream | undefined): StreamShape {
  if (!stream) return defaultStreamShape;
  const profiles = new Set(stream.profile === undefined ? [] : Array.isArray(stream.profile) ? stream.profile : [stream.profile]);
  return {
    tokensPerDelta: stream.tokensPerDelta,
    charSlices: profiles.has('char-slices'),
    toolCallWhole: profiles.has('tool-call-whole'),
    keepAlive: profiles.has('keep-alive'),
    emptyReasoning: profiles.has('empty-reasoning'),
    ttftMs: stream.ttftMs,
    tokensPerSecond: stream.tokensPerSecond,
  };
}
