import type { ChatMessage } from '../chat/chat-request.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import type { FinishReason, RecordedDeltas, ReplyChoice, ReplyToolCall } from './completion.ts';
import { fitToBudget } from './fit-to-budget.ts';

/** What a choice would say with an unlimited budget: generated or scripted. */
export interface ChoiceDraft {
  /** Undefined when the model does not reason for this request. */
  reasoning: string | undefined;
  content: string;
  toolCalls: ReplyToolCall[];
  /** A finish reason to report whatever happens (a fixture's explicit one). */
  finishReason?: FinishReason;
  /** The stop string the content was cut at, if one was. */
  stopSequence?: string;
  /** A recorded stream's deltas, passed on to the choice. */
  deltas?: RecordedDeltas;
}

/** Number of tool calls already in the conversation: live ids count on from there (`get_weather_1`). */
export function priorToolCalls(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + (message.tool_calls?.length ?? 0), 0);
}

/**
 * The choice with its finish reason: the draft's own, else `length` when cut, `tool_calls` or `stop`;
 * and the stop string it was cut at, when it stopped there.
 */
function finished(choice: ReplyChoice, draft: ChoiceDraft, cut: boolean): ReplyChoice {
  const finishReason = draft.finishReason ?? (cut ? 'length' : choice.toolCalls.length > 0 ? 'tool_calls' : 'stop');
  choice.finishReason = finishReason;
  if (finishReason === 'stop' && !cut && draft.stopSequence !== undefined) choice.stopSequence = draft.stopSequence;
  return choice;
}

/**
 * Spends the output budget the way the model does: reasoning first, then content, then tool calls
 * (whole or not at all). Whatever the budget cuts ends the choice with finish `length`; otherwise it
 * is `tool_calls` when there are calls, else `stop`. Token counts come from the shared counter. The
 * choice comes at once when the counter already knows every text and the budget cuts nothing (the
 * same choice the full fit would give), else as a promise.
 */
export function fitChoice(
  draft: ChoiceDraft,
  index: number,
  budget: number,
  counter: TokenCounter,
  signal?: AbortSignal,
): ReplyChoice | Promise<ReplyChoice> {
  const texts = [draft.reasoning ?? '', draft.content];
  for (const call of draft.toolCalls) texts.push(call.name, call.arguments);
  const known = signal?.aborted ? undefined : counter.countKnown?.(texts);
  const completionTokens = known?.reduce((sum, n) => sum + n, 0);
  if (known === undefined || completionTokens === undefined || completionTokens > budget) {
    return fitChoiceCounted(draft, index, budget, counter, signal);
  }
  const choice: ReplyChoice = {
    index, content: draft.content, reasoning: draft.reasoning, toolCalls: draft.toolCalls, finishReason: 'stop',
    completionTokens, reasoningTokens: known[0] ?? 0,
    ...(draft.deltas && { deltas: draft.deltas }),
  };
  return finished(choice, draft, false);
}

async function fitChoiceCounted(
  draft: ChoiceDraft,
  index: number,
  budget: number,
  counter: TokenCounter,
  signal?: AbortSignal,
): Promise<ReplyChoice> {
  const choice: ReplyChoice = {
    index, content: '', reasoning: undefined, toolCalls: [], finishReason: 'stop', completionTokens: 0, reasoningTokens: 0,
    ...(draft.deltas && { deltas: draft.deltas }),
  };
  let left = budget;
  if (draft.reasoning !== undefined) {
    const reasoning = await fitToBudget(counter, draft.reasoning, left, signal);
    Object.assign(choice, { reasoning: reasoning.text, reasoningTokens: reasoning.tokens, completionTokens: reasoning.tokens });
    left -= reasoning.tokens;
    if (reasoning.cut) return finished(choice, draft, true);
  }
  const content = await fitToBudget(counter, draft.content, left, signal);
  choice.content = content.text;
  choice.completionTokens += content.tokens;
  left -= content.tokens;
  if (content.cut) return finished(choice, draft, true);
  if (draft.toolCalls.length === 0) return finished(choice, draft, false);
  const counts = await counter.countTexts(draft.toolCalls.flatMap((call) => [call.name, call.arguments]), signal);
  const callTokens = counts.reduce((sum, n) => sum + n, 0);
  if (callTokens > left) return finished(choice, draft, true);
  choice.toolCalls = draft.toolCalls;
  choice.completionTokens += callTokens;
  return finished(choice, draft, false);
}
