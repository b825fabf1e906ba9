import type { ChatPlan } from '../chat/plan-chat.ts';
import type { Pick } from '../fixtures/pick-fixture.ts';
import { hashString } from '../random.ts';
import { completionId, uuidCompletionId, type RequestIds } from '../state/id-source.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import type { Completion } from './completion.ts';
import { generateChoice } from './generate-completion.ts';
import { scriptChoices } from './script-choices.ts';

/** What building a completion reads besides the plan and the pick. */
export interface CompletionInputs {
  counter: TokenCounter;
  seed: number;
  /** `created`, in Unix seconds. */
  created: number;
  ids: RequestIds;
}

/** `n` generated choices, made side by side (one needs no Promise.all). */
function generateChoices(plan: ChatPlan, deps: { counter: TokenCounter; seed: number }, signal?: AbortSignal) {
  if (plan.n === 1) return generateChoice(plan, 0, deps, signal).then((choice) => [choice]);
  return Promise.all(Array.from({ length: plan.n }, (_, index) => generateChoice(plan, index, deps, signal)));
}

/**
 * The completion for a planned request: the fixture's scripted reply when one was picked, else `n`
 * generated choices; ids from the request's draw, in the model's id style. Throws 400
 * `fixture_impossible` for a scripted reply the real API could not give.
 */
export async function buildCompletion(plan: ChatPlan, pick: Pick, inputs: CompletionInputs, signal?: AbortSignal): Promise<Completion> {
  const { counter, seed, created } = inputs;
  const scripted = pick.kind === 'fixture'
    ? await scriptChoices(plan, pick.reply, pick.fixture.name, { counter, seed }, signal)
    : undefined;
  const choices = scripted?.choices ?? await generateChoices(plan, { counter, seed }, signal);
  const { model } = plan;
  return {
    id: model.id_style === 'uuid' ? uuidCompletionId(inputs.ids) : completionId(created, inputs.ids.completionSuffix),
    created,
    model: plan.model.id,
    thinking: plan.thinking,
    promptTokens: scripted?.promptTokens ?? plan.promptTokens,
    // A fixture's declared cache hit wins over the prefix cache's.
    cachedTokens: scripted?.cachedTokens ?? Math.min(plan.cachedTokens, scripted?.promptTokens ?? plan.promptTokens),
    systemFingerprint: model.system_fingerprint ? `fpv0_${hashString(`${model.id}|${seed}`).toString(16).padStart(8, '0')}` : undefined,
    topLogprobs: plan.topLogprobs,
    choices,
  };
}
