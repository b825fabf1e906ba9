import { messageText } from '../chat/message-text.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import { declaredTools } from '../chat/check-tools.ts';
import type { ChatPlan } from '../chat/plan-chat.ts';
import { createRandomFromHash, hashMore, hashString, type Random } from '../random.ts';
import type { ReplyChoice } from './completion.ts';
import { composeAnswer, composeReasoning, quoteOf } from './compose-text.ts';
import { fitChoice, priorToolCalls, type ChoiceDraft } from './fit-choice.ts';
import { jsonValue } from './json-value.ts';

/** A key for "the same request": model, length of the conversation and its last message. */
function requestKey(plan: ChatPlan): string {
  const { messages } = plan.request;
  const format = plan.request.response_format?.type ?? 'text';
  return `${plan.model.id}|${messages.length}|${format}|${hashString(JSON.stringify(messages.at(-1)))}`;
}

/** `hashString(`${seed}|${requestKey(plan)}|${index}`)`, hashed in parts. */
function choiceHash(plan: ChatPlan, index: number, seed: number): number {
  return hashMore(hashMore(hashString(`${seed}|`), requestKey(plan)), `|${index}`);
}

/** The tool the request forces (`required`: the first declared; a named choice: that one). */
function forcedTool(plan: ChatPlan): { name: string; parameters: unknown } | undefined {
  const tools = declaredTools(plan.request);
  const choice = plan.request.tool_choice;
  if (!tools.length || choice == null || choice === 'auto' || choice === 'none') return undefined;
  const name = choice === 'required' ? tools[0]!.function.name : choice.function.name;
  const tool = tools.find((t) => t.function.name === name);
  return tool && { name, parameters: tool.function.parameters };
}

function contentFor(plan: ChatPlan, random: Random, topic: string): string {
  const format = plan.request.response_format;
  if (format?.type === 'json_object') return JSON.stringify(jsonValue(random, undefined));
  if (format?.type === 'json_schema') return JSON.stringify(jsonValue(random, format.json_schema.schema));
  const text = composeAnswer(random, plan.partialPrefix === undefined ? topic : '');
  return plan.partialPrefix !== undefined && /\s$/.test(plan.partialPrefix) ? text.trimStart() : text;
}

/**
 * The text up to (not including) the earliest stop string: the model stops there with finish `stop`;
 * `stopSequence` names the string that stopped it, if one did.
 */
function cutAtStop(text: string, stop: readonly string[]): { content: string; stopSequence?: string } {
  let at = -1;
  let found: string | undefined;
  for (const s of stop) {
    const i = s ? text.indexOf(s) : -1;
    if (i >= 0 && (at < 0 || i < at)) [at, found] = [i, s];
  }
  return found === undefined ? { content: text } : { content: text.slice(0, at), stopSequence: found };
}

/** The random source and topic of choice `index` of a request: the same for the same seed and request. */
function choiceSeed(plan: ChatPlan, index: number, seed: number): { random: Random; topic: string } {
  const random = createRandomFromHash(choiceHash(plan, index, seed));
  const lastUser = plan.request.messages.findLast((m) => m.role === 'user');
  const topic = quoteOf(lastUser ? messageText(lastUser) : '');
  return { random, topic };
}

/** How far up the model's effort list the request's effort is (0 for the first, or without efforts): more effort, longer reasoning. */
function effortRank(plan: ChatPlan): number {
  const values = plan.model.reasoning_effort?.values ?? [];
  return Math.max(0, values.indexOf(plan.effort ?? ''));
}

/**
 * Generated reasoning for choice `index`: what a scripted reply without `reasoning_content` carries on
 * a thinking request (the real model always reasons there, and the next turn must send it back).
 */
export function generatedReasoning(plan: ChatPlan, index: number, seed: number): string {
  const { random, topic } = choiceSeed(plan, index, seed);
  return composeReasoning(random, topic, effortRank(plan));
}

/**
 * The generated reply used when nothing is scripted: deterministic for (seed, request), honouring
 * the output budget (finish `length`), `stop` (cut before the stop string), reasoning for thinking
 * requests, partial mode (continues, never repeats, the prefix), JSON modes and forced tool calls.
 * At once when its token counts are known (see `fitChoice`), else as a promise.
 */
export function generateChoice(
  plan: ChatPlan,
  index: number,
  deps: { counter: TokenCounter; seed: number },
  signal?: AbortSignal,
): ReplyChoice | Promise<ReplyChoice> {
  const { random, topic } = choiceSeed(plan, index, deps.seed);
  const reasoning = plan.thinking ? composeReasoning(random, topic, effortRank(plan)) : undefined;
  const tool = forcedTool(plan);
  const draft: ChoiceDraft = tool
    ? {
        reasoning,
        content: '',
        toolCalls: [{
          id: `${tool.name}_${priorToolCalls(plan.request.messages)}`,
          name: tool.name,
          arguments: JSON.stringify(jsonValue(random, tool.parameters)),
        }],
      }
    : { reasoning, ...cutAtStop(contentFor(plan, random, topic), plan.stop), toolCalls: [] };
  return fitChoice(draft, index, plan.outputBudget, deps.counter, signal);
}
