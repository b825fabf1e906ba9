import { createdAt, type AppDeps } from '../deps.ts';
import { hashString } from '../random.ts';
import { completionId, uuidCompletionId, type RequestIds } from '../state/id-source.ts';
import type { ChatPlan } from '../validate/plan-chat.ts';
import type { Completion } from './completion.ts';
import { generateChoice } from './generate-completion.ts';
import { scriptChoices } from './script-choices.ts';
import type { Pick } from '../fixtures/pick-fixture.ts';

/**
 * The completion for a planned request: the fixture's scripted reply when one was picked, else `n`
 * generated choices; ids from the request's draw, in the model's id style.
 */
export async function buildCompletion(
  plan: ChatPlan,
  pick: Pick,
  deps: AppDeps,
  ids: RequestIds,
  signal?: AbortSignal,
): Promise<Completion> {
  const created = createdAt(deps);
  const seed = deps.config.seed;
  const scripted = pick.kind === 'fixture'
    ? await scriptChoices(plan, pick.reply, pick.fixture.name, { counter: deps.counter, seed }, signal)
    : undefined;
  const choices = scripted?.choices ?? await Promise.all(
    Array.from({ length: plan.n }, (_, index) => generateChoice(plan, index, { counter: deps.counter, seed }, signal)),
  );
  const { model } = plan;
  return {
    id: model.id_style === 'uuid' ? uuidCompletionId(ids) : completionId(created, ids.completionSuffix),
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
