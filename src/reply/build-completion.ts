import type { ChatPlan } from '../chat/plan-chat.ts';
import type { Pick } from '../fixtures/pick-fixture.ts';
import { hashString } from '../random.ts';
import { completionId, uuidCompletionId, type RequestIds } from '../state/id-source.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import type { Completion, ReplyChoice } from './completion.ts';
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

/**
 * The completion for a planned request: the fixture's scripted reply when one was picked, else `n`
 * generated choices; ids from the request's draw, in the model's id style. Throws 400
 * `fixture_impossible` for a scripted reply the real API could not give. A single generated choice
 * whose token counts are known comes at once; everything else as a promise.
 */
export function buildCompletion(plan: ChatPlan, pick: Pick, inputs: CompletionInputs, signal?: AbortSignal): Completion | Promise<Completion> {
  const { counter, seed } = inputs;
  if (pick.kind === 'fixture') {
    return scriptChoices(plan, pick.reply, pick.fixture.name, { counter, seed }, signal).then((scripted) => assemble(plan, inputs, scripted.choices, scripted));
  }
  if (plan.n === 1) {
    const choice = generateChoice(plan, 0, { counter, seed }, signal);
    return choice instanceof Promise ? choice.then((done) => assemble(plan, inputs, [done])) : assemble(plan, inputs, [choice]);
  }
  const choices = Array.from({ length: plan.n }, (_, index) => generateChoice(plan, index, { counter, seed }, signal));
  return Promise.all(choices).then((done) => assemble(plan, inputs, done));
}

/** The completion around its choices; a script's own prompt and cache figures win over the plan's. */
function assemble(
  plan: ChatPlan,
  inputs: CompletionInputs,
  choices: ReplyChoice[],
  scripted?: { promptTokens?: number; cachedTokens?: number },
): Completion {
  const { seed, created } = inputs;
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
