import type { Completion, ReplyChoice } from '../../reply/completion.ts';
import { signatureOf } from './thinking-signature.ts';

/** What a Messages reply needs to know of its request beyond the completion. */
export interface MessageOptions {
  /** `thinking.display: "omitted"`: thinking blocks carry an empty text (their signature still holds the reasoning). */
  omitThinking: boolean;
  /** A top-level `cache_control` was sent: the prompt not read from the cache is written to it. */
  writeCache: boolean;
}

const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use' } as const;

/** Anthropic's `stop_reason` of a choice: `stop_sequence` when a stop string ended it. */
export const stopReasonOf = (choice: ReplyChoice): string => (choice.stopSequence !== undefined ? 'stop_sequence' : STOP_REASONS[choice.finishReason]);

/** `msg_` + the completion id's own part. */
export const messageIdOf = (completion: Completion): string => `msg_${completion.id.replace(/^chatcmpl-/, '')}`;

/** A tool call's arguments as the object `tool_use.input` must be (a fixture's non-JSON string gives `{}`). */
export function toolInputOf(args: string): unknown {
  try {
    const input: unknown = JSON.parse(args);
    return typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
  } catch {
    return {};
  }
}

/**
 * Usage as Moonshot's Messages endpoint reports it: `input_tokens` excludes the prompt read from the
 * cache (`cache_read_input_tokens`) and the prompt written to it (`cache_creation_input_tokens`, only
 * when the request asks with a top-level `cache_control`); thinking tokens under `output_tokens_details`.
 */
export function messageUsage(completion: Completion, choice: ReplyChoice, options: MessageOptions) {
  const read = completion.cachedTokens ?? 0;
  const written = options.writeCache ? completion.promptTokens - read : 0;
  return {
    input_tokens: completion.promptTokens - read - written,
    cache_creation_input_tokens: written,
    cache_read_input_tokens: read,
    output_tokens: choice.completionTokens,
    ...(completion.thinking && { output_tokens_details: { thinking_tokens: choice.reasoningTokens } }),
  };
}

/** The content blocks of a choice: thinking (with its signature), text when there is some, then tool_use. */
export function contentBlocks(choice: ReplyChoice, options: MessageOptions): object[] {
  const blocks: object[] = [];
  if (choice.reasoning !== undefined) {
    blocks.push({ type: 'thinking', thinking: options.omitThinking ? '' : choice.reasoning, signature: signatureOf(choice.reasoning) });
  }
  if (choice.content !== '') blocks.push({ type: 'text', text: choice.content });
  for (const call of choice.toolCalls) blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: toolInputOf(call.arguments) });
  return blocks;
}

/** The non-stream Messages body (`type: "message"`) of a completion's first choice. */
export function messageBody(completion: Completion, options: MessageOptions) {
  const choice = completion.choices[0]!;
  return {
    id: messageIdOf(completion),
    type: 'message' as const,
    role: 'assistant' as const,
    model: completion.model,
    content: contentBlocks(choice, options),
    stop_reason: stopReasonOf(choice),
    stop_sequence: choice.stopSequence ?? null,
    usage: messageUsage(completion, choice, options),
  };
}
