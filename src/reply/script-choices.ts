import { MoonshotError } from '../errors/moonshot-error.ts';
import type { FixtureReply } from '../fixtures/fixture-schema.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import { declaredTools } from '../chat/check-tools.ts';
import type { ChatPlan } from '../chat/plan-chat.ts';
import type { RecordedDeltas, ReplyChoice } from './completion.ts';
import { fitChoice, priorToolCalls, type ChoiceDraft } from './fit-choice.ts';
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

/**
 * Refuses a script the real API could not produce for this request. (Reasoning on a request that does
 * not think is not impossible: the model simply would not think, so `draftOf` leaves it out.)
 */
function checkPossible(plan: ChatPlan, script: ChoiceScript, fixture: string): void {
  const declared = new Set(declaredTools(plan.request).map((tool) => tool.function.name));
  for (const call of script.tool_calls ?? []) {
    if (!declared.has(call.name)) {
      throw impossible(fixture, `it calls tool ${call.name}, which the request does not declare`);
    }
  }
  if (script.tool_calls && plan.request.tool_choice === 'none') {
    throw impossible(fixture, 'it calls a tool, but the request sets tool_choice "none"');
  }
}

const joined = (text: string | string[]): string => (typeof text === 'string' ? text : text.join(''));

/** The recorded deltas of a script (its texts given as lists), or undefined when it has none. */
function deltasOf(script: ChoiceScript): RecordedDeltas | undefined {
  const deltas: RecordedDeltas = {};
  if (Array.isArray(script.reasoning_content)) deltas.reasoning = script.reasoning_content;
  if (Array.isArray(script.content)) deltas.content = script.content;
  const args = (script.tool_calls ?? []).map((call) => (Array.isArray(call.arguments) ? call.arguments : undefined));
  if (args.some((slices) => slices !== undefined)) deltas.arguments = args;
  return Object.keys(deltas).length > 0 ? deltas : undefined;
}

/** A script as a draft: arguments serialised, ids numbered as live, reasoning generated if missing. */
function draftOf(plan: ChatPlan, script: ChoiceScript, index: number, seed: number): ChoiceDraft {
  const prior = priorToolCalls(plan.request.messages);
  const deltas = deltasOf(script);
  return {
    // A thinking model always reasons; a script without reasoning gets generated reasoning, so the
    // client can send it back on the next turn (the API refuses a tool-call turn without it). A request
    // that does not think gets the reply without the reasoning.
    reasoning: plan.thinking
      ? (script.reasoning_content === undefined ? generatedReasoning(plan, index, seed) : joined(script.reasoning_content))
      : undefined,
    content: joined(script.content ?? ''),
    toolCalls: (script.tool_calls ?? []).map((call, i) => ({
      id: call.id ?? `${call.name}_${prior + i}`,
      name: call.name,
      arguments: typeof call.arguments === 'string' || Array.isArray(call.arguments) ? joined(call.arguments) : JSON.stringify(call.arguments),
    })),
    ...(deltas && { deltas }),
    ...(script.finish_reason !== undefined && { finishReason: script.finish_reason }),
  };
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
  const choices = await Promise.all(scripts.map((script, i) => fitChoice(draftOf(plan, script, i, deps.seed), i, plan.outputBudget, deps.counter, signal)));
  const usage = reply.usage;
  if (usage?.completion_tokens !== undefined) for (const choice of choices) choice.completionTokens = usage.completion_tokens;
  if (usage?.reasoning_tokens !== undefined) for (const choice of choices) choice.reasoningTokens = usage.reasoning_tokens;
  return { choices, promptTokens: usage?.prompt_tokens, cachedTokens: usage?.cached_tokens };
}
