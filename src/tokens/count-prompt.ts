import type { TokenCounter } from './token-counter.ts';

/** Fixed tokens per message: role header, separator and end-of-message marker. */
export const MESSAGE_OVERHEAD = 3;
/** Fixed tokens per tool call (call header, arguments separator, end marker). */
export const TOOL_CALL_OVERHEAD = 3;
/** Tokens charged for each image part, whatever the image. */
export const IMAGE_TOKENS = 1024;
/** Tokens charged for each video part, whatever the video. */
export const VIDEO_TOKENS = 2048;

/** One content part of a chat message (structural subset of the API's part types). */
export type PromptContentPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image_url'; readonly image_url: string | { readonly url: string } }
  | { readonly type: 'video_url'; readonly video_url: string | { readonly url: string } };

/** The fields of a chat message that the prompt count reads; the request schema's message type is assignable to it. */
export interface PromptMessage {
  readonly role: string;
  readonly content?: string | null | readonly PromptContentPart[];
  readonly name?: string | null;
  readonly reasoning_content?: string | null;
  readonly tool_calls?: ReadonlyArray<{ readonly function: { readonly name: string; readonly arguments: string } }> | null;
  readonly tool_call_id?: string | null;
  /** Dynamic tools of a system message. */
  readonly tools?: readonly unknown[] | null;
}

/** A prompt split into the texts to tokenize and the tokens that do not depend on any text. */
export interface PromptParts {
  /** Every text whose tokens count, in a stable order (may contain duplicates and empty strings). */
  readonly texts: string[];
  /** Message and tool-call overheads plus image and video charges. */
  readonly fixedTokens: number;
}

/** The texts and fixed tokens of one block of a prompt (the declared tools, or one message). */
interface PromptBlock {
  texts: string[];
  fixedTokens: number;
}

function messageBlock(message: PromptMessage): PromptBlock {
  const texts: string[] = [message.role];
  let fixedTokens = MESSAGE_OVERHEAD;
  if (typeof message.name === 'string') texts.push(message.name);
  const content = message.content;
  if (typeof content === 'string') {
    texts.push(content);
  } else if (Array.isArray(content)) {
    for (const part of content as readonly PromptContentPart[]) {
      if (part.type === 'text') texts.push(part.text);
      else if (part.type === 'image_url') fixedTokens += IMAGE_TOKENS;
      else if (part.type === 'video_url') fixedTokens += VIDEO_TOKENS;
    }
  }
  if (typeof message.reasoning_content === 'string') texts.push(message.reasoning_content);
  for (const call of message.tool_calls ?? []) {
    fixedTokens += TOOL_CALL_OVERHEAD;
    texts.push(call.function.name, call.function.arguments);
  }
  if (message.tools != null && message.tools.length > 0) texts.push(JSON.stringify(message.tools));
  return { texts, fixedTokens };
}

/** The prompt's blocks in template order: the declared tools first (possibly empty), then each message. */
function promptBlocks(messages: readonly PromptMessage[], tools?: readonly unknown[]): PromptBlock[] {
  const toolTexts = tools !== undefined && tools.length > 0 ? [JSON.stringify(tools)] : [];
  return [{ texts: toolTexts, fixedTokens: 0 }, ...messages.map(messageBlock)];
}

/**
 * Pure part of {@link countPrompt}: lists the texts to tokenize and sums the fixed costs. Texts: per message
 * its role, name (if any), each text part (or the string content), reasoning_content (if any), for each
 * tool call its function name and arguments, and JSON.stringify of its dynamic `tools` (if any); plus
 * JSON.stringify(tools) if `tools` is non-empty. Fixed: MESSAGE_OVERHEAD per message, TOOL_CALL_OVERHEAD
 * per tool call, IMAGE_TOKENS per image part, VIDEO_TOKENS per video part. tool_call_id and unknown part
 * types cost nothing.
 */
export function promptParts(messages: readonly PromptMessage[], tools?: readonly unknown[]): PromptParts {
  const blocks = promptBlocks(messages, tools);
  return { texts: blocks.flatMap((block) => block.texts), fixedTokens: blocks.reduce((sum, block) => sum + block.fixedTokens, 0) };
}

/** Each block's fixed tokens plus the counts of its texts (`counts` in the blocks' text order). */
function blockSums(blocks: readonly PromptBlock[], counts: readonly number[]): number[] {
  let at = 0;
  return blocks.map((block) => {
    let sum = block.fixedTokens;
    for (let i = 0; i < block.texts.length; i++) sum += counts[at++]!;
    return sum;
  });
}

/**
 * Tokens of each block of the prompt: [declared tools (0 if none), message 0, message 1, …]; they sum
 * to {@link countPrompt}. The prefix cache reads them to know how many tokens a shared prefix holds.
 * `stopAbove` as in {@link countPrompt} (the blocks are then lower bounds). When the counter already
 * knows every text (`countKnown`), the counts come at once, not as a promise.
 */
export function countPromptBlocks(
  counter: TokenCounter,
  messages: readonly PromptMessage[],
  tools?: readonly unknown[],
  signal?: AbortSignal,
  stopAbove?: number,
): number[] | Promise<number[]> {
  const blocks = promptBlocks(messages, tools);
  const texts = blocks.flatMap((block) => block.texts);
  const known = counter.countKnown?.(texts);
  if (known !== undefined && !signal?.aborted) return blockSums(blocks, known);
  const fixedTokens = blocks.reduce((sum, block) => sum + block.fixedTokens, 0);
  const limit = stopAbove === undefined ? undefined : stopAbove - fixedTokens;
  return counter.countTexts(texts, signal, limit).then((counts) => blockSums(blocks, counts));
}

/**
 * Prompt tokens of a chat request, shared by `usage.prompt_tokens`, the context-window check and the
 * estimate-token-count endpoint. An approximation of Kimi's chat template: each message costs
 * MESSAGE_OVERHEAD (3) + tokens(role) + tokens(name) + tokens of each text part + tokens(reasoning_content)
 * + Σ over tool calls of (tokens(function.name) + tokens(function.arguments) + 3); each image part costs
 * IMAGE_TOKENS (1024) and each video part VIDEO_TOKENS (2048); non-empty `tools` add
 * tokens(JSON.stringify(tools)). All texts go to the counter in one batch, so its per-text cache makes a
 * conversation that grew by one turn cost only the new texts. With `stopAbove`, counting stops as soon
 * as the prompt is certainly longer than that, and the result is then a lower bound above it (a prompt
 * at or under it is always counted exactly). Rejects with an AbortError if `signal` aborts.
 */
export async function countPrompt(
  counter: TokenCounter,
  messages: readonly PromptMessage[],
  tools?: readonly unknown[],
  signal?: AbortSignal,
  stopAbove?: number,
): Promise<number> {
  const blocks = await countPromptBlocks(counter, messages, tools, signal, stopAbove);
  return blocks.reduce((sum, count) => sum + count, 0);
}
