import type { Completion, ReplyChoice } from '../../reply/completion.ts';
import { logprobsOf } from '../../reply/logprobs.ts';
import { buildUsage, type WireUsage } from './usage.ts';

/** The wire tool call, with `index` as in 2026 captures. */
export function wireToolCalls(choice: ReplyChoice) {
  return choice.toolCalls.map((call, index) => ({
    index,
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
}

/** Usage of the whole completion: completion tokens of every choice added up. */
export function totalUsage(completion: Completion): WireUsage {
  const completionTokens = completion.choices.reduce((sum, c) => sum + c.completionTokens, 0);
  const reasoningTokens = completion.choices.reduce((sum, c) => sum + c.reasoningTokens, 0);
  return buildUsage(
    completion.promptTokens,
    completionTokens,
    completion.thinking ? reasoningTokens : undefined,
    completion.cachedTokens,
  );
}

/**
 * The non-stream body (B2): `reasoning_content` only for thinking requests, `tool_calls` only when
 * there are some (with `content: ""`), `logprobs` only when asked for; keys in the order of live captures.
 */
export function completionBody(completion: Completion) {
  return {
    id: completion.id,
    object: 'chat.completion' as const,
    created: completion.created,
    model: completion.model,
    choices: completion.choices.map((choice) => {
      // Keys added in the live order; conditional spreads would cost an object copy each.
      const message: WireMessage = { role: 'assistant', content: choice.content };
      if (choice.reasoning !== undefined) message.reasoning_content = choice.reasoning;
      if (choice.toolCalls.length > 0) message.tool_calls = wireToolCalls(choice);
      const wire: WireChoice = { index: choice.index, message, finish_reason: choice.finishReason };
      if (completion.topLogprobs !== undefined) {
        wire.logprobs = { content: logprobsOf(choice.content, completion.topLogprobs, `${completion.id}|${choice.index}`) };
      }
      return wire;
    }),
    usage: totalUsage(completion),
  };
}

interface WireMessage {
  role: 'assistant';
  content: string;
  reasoning_content?: string;
  tool_calls?: ReturnType<typeof wireToolCalls>;
}

interface WireChoice {
  index: number;
  message: WireMessage;
  finish_reason: ReplyChoice['finishReason'];
  logprobs?: { content: ReturnType<typeof logprobsOf> };
}
