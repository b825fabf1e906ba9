import { createdAt, type AppDeps } from '../deps.ts';
import { hashString } from '../random.ts';
import { completionId, type RequestIds } from '../state/id-source.ts';
import type { ChatPlan } from '../validate/plan-chat.ts';
import type { Completion } from './completion.ts';
import { generateChoice } from './generate-completion.ts';

/** The completion for a planned request: `n` generated choices, ids from the request's draw. */
export async function buildCompletion(
  plan: ChatPlan,
  deps: AppDeps,
  ids: RequestIds,
  signal?: AbortSignal,
): Promise<Completion> {
  const created = createdAt(deps);
  const seed = deps.config.seed;
  const choices = await Promise.all(
    Array.from({ length: plan.n }, (_, index) => generateChoice(plan, index, { counter: deps.counter, seed }, signal)),
  );
  return {
    id: completionId(created, ids.completionSuffix),
    created,
    model: plan.model.id,
    thinking: plan.thinking,
    promptTokens: plan.promptTokens,
    cachedTokens: undefined,
    systemFingerprint: `fpv0_${hashString(`${plan.model.id}|${seed}`).toString(16).padStart(8, '0')}`,
    choices,
  };
}
