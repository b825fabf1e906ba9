/** A tool call the assistant makes, before it is shaped for the wire. */
export interface ReplyToolCall {
  id: string;
  name: string;
  /** A JSON string, as sent on the wire. */
  arguments: string;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls';

/** The deltas of a recorded stream, kept so that a replay streams with the same chunk boundaries. */
export interface RecordedDeltas {
  reasoning?: string[];
  content?: string[];
  /** Per tool call, by position: its argument deltas, the first being the one sent with the call's id. */
  arguments?: Array<string[] | undefined>;
}

/** One choice of a completion, independent of how it is sent (JSON or SSE). */
export interface ReplyChoice {
  index: number;
  content: string;
  /** Present exactly when the model reasons for this request. */
  reasoning: string | undefined;
  toolCalls: ReplyToolCall[];
  finishReason: FinishReason;
  /** Reasoning + content + tool-call tokens. */
  completionTokens: number;
  reasoningTokens: number;
  /** A recorded stream's deltas; used only where their joined text is still the choice's text. */
  deltas?: RecordedDeltas;
}

/** A whole completion: the transport-neutral value both the JSON body and the chunk list are built from. */
export interface Completion {
  id: string;
  created: number;
  model: string;
  /** Whether usage reports `completion_tokens_details.reasoning_tokens`. */
  thinking: boolean;
  promptTokens: number;
  /** Prompt tokens served from the prefix cache (or declared by a fixture); reported only when positive. */
  cachedTokens: number | undefined;
  /** Sent on stream chunks only for models that send one. */
  systemFingerprint: string | undefined;
  /** `top_logprobs` when logprobs were asked for; undefined: no `logprobs` key. */
  topLogprobs: number | undefined;
  choices: ReplyChoice[];
}
