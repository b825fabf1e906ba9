import { MoonshotError } from '../errors/moonshot-error.ts';
import type { FixtureReply } from '../fixtures/fixture-schema.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import type { ChatPlan } from '../validate/plan-chat.ts';
import type { ReplyChoice, ReplyToolCall } from './completion.ts';
import { fitToBudget } from './fit-to-budget.ts';
import { generatedReasoning } from './generate-completion.ts';

type ChoiceScript = Omit<FixtureReply, 'usage' | 'choices'>;

/** A scripted reply as choices, plus the usage it declares. */
export interface ScriptedReply {
  choices: ReplyChoice[];
  promptTokens: number | undefined;
  cachedTokens: number | undefined;
}

const impossible = (fixture: string, why: string) =>
  new MoonshotError({ kind: 'fixture_impossible', fixture, reason: why });

/** Refuses a script the real API could not produce for this request. */
function checkPossible(plan: ChatPlan, script: ChoiceScript, fixture: string): void {
  if (script.reasoning_content !== undefined && !plan.thinking) {
    throw impossible(fixture, `it has reasoning_content, but ${plan.model.id} does not think for this request`);
  }
  const declared = new Set((plan.request.tools ?? []).map((tool) => tool.function.name));
  for (const call of script.tool_calls ?? []) {
    if (!declared.has(call.name)) {
      throw impossible(fixture, `it calls tool ${call.name}, which the request does not declare`);
    }
  }
  if (script.tool_calls && plan.request.tool_choice === 'none') {
    throw impossible(fixture, 'it calls a tool, but the request sets tool_choice "none"');
  }
}

async function scriptChoice(
  plan: ChatPlan,
  script: ChoiceScript,
  index: number,
  deps: { counter: TokenCounter; seed: number },
  signal?: AbortSignal,
): Promise<ReplyChoice> {
  const { counter } = deps;
  let budget = plan.outputBudget;
  const choice: ReplyChoice = {
    index, content: '', reasoning: undefined, toolCalls: [], finishReason: 'stop', completionTokens: 0, reasoningTokens: 0,
  };
  const finish = (cut: boolean): ReplyChoice => ({
    ...choice,
    finishReason: script.finish_reason ?? (cut ? 'length' : choice.toolCalls.length > 0 ? 'tool_calls' : 'stop'),
  });
  if (plan.thinking) {
    // A thinking model always reasons; a script without reasoning gets generated reasoning, so the
    // client can send it back on the next turn (the API refuses a tool-call turn without it).
    const text = script.reasoning_content ?? generatedReasoning(plan, index, deps.seed);
    const reasoning = await fitToBudget(counter, text, budget, signal);
    Object.assign(choice, { reasoning: reasoning.text, reasoningTokens: reasoning.tokens, completionTokens: reasoning.tokens });
    budget -= reasoning.tokens;
    if (reasoning.cut) return finish(true);
  }
  const content = await fitToBudget(counter, script.content ?? '', budget, signal);
  choice.content = content.text;
  choice.completionTokens += content.tokens;
  budget -= content.tokens;
  if (content.cut) return finish(true);
  const priorCalls = plan.request.messages.reduce((sum, m) => sum + (m.tool_calls?.length ?? 0), 0);
  const calls: ReplyToolCall[] = (script.tool_calls ?? []).map((call, i) => ({
    id: call.id ?? `${call.name}_${priorCalls + i}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
  const callCounts = await counter.countTexts(calls.flatMap((call) => [call.name, call.arguments]), signal);
  const callTokens = callCounts.reduce((sum, n) => sum + n, 0);
  if (callTokens > budget) return finish(true);
  choice.toolCalls = calls;
  choice.completionTokens += callTokens;
  return finish(false);
}

/**
 * Turns a fixture's reply into the choices of a completion: `choices[i]` for choice i (the last one
 * repeats), else the reply itself for every choice. Usage is counted with the shared counter, and the
 * output budget (max_tokens or what is left of the window) cuts the reply as it would cut a real one.
 * Throws 400 `fixture_impossible` for a reply the real API could not give to this request.
 */
export async function scriptChoices(
  plan: ChatPlan,
  reply: FixtureReply,
  fixture: string,
  deps: { counter: TokenCounter; seed: number },
  signal?: AbortSignal,
): Promise<ScriptedReply> {
  const scripts = Array.from({ length: plan.n }, (_, i) => reply.choices?.[Math.min(i, reply.choices.length - 1)] ?? reply);
  for (const script of scripts) checkPossible(plan, script, fixture);
  const choices = await Promise.all(scripts.map((script, i) => scriptChoice(plan, script, i, deps, signal)));
  const usage = reply.usage;
  if (usage?.completion_tokens !== undefined) for (const choice of choices) choice.completionTokens = usage.completion_tokens;
  if (usage?.reasoning_tokens !== undefined) for (const choice of choices) choice.reasoningTokens = usage.reasoning_tokens;
  return { choices, promptTokens: usage?.prompt_tokens, cachedTokens: usage?.cached_tokens };
}
