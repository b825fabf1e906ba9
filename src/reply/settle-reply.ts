import type { Pick as FixturePick } from '../fixtures/pick-fixture.ts';
import type { RunState } from '../state/run-state.ts';
import type { Completion } from './completion.ts';
import type { Outgoing, ReplyPlan } from './reply-plan.ts';

/**
 * Resolves a plan's waits once its completion exists: under a deadline (a `timeout` fault) a JSON
 * answer waits its generation time, and a reply whose generation time passes the timeout becomes the
 * deadline's error, sent when the timeout has passed. Pure.
 */
export function settleReply(plan: Exclude<ReplyPlan, { kind: 'error' }>, completion: Completion): Outgoing {
  let { delayMs } = plan;
  if (plan.deadline) {
    const { timeoutMs, tokensPerSecond, error } = plan.deadline;
    const tokens = Math.max(...completion.choices.map((choice) => choice.completionTokens));
    const generationMs = plan.shape.ttftMs + (tokens * 1000) / (plan.shape.tokensPerSecond ?? tokensPerSecond);
    if (generationMs > timeoutMs) return { kind: 'error', error, delayMs: delayMs + timeoutMs, headers: {} };
    // A JSON answer waits for its whole generation; a stream is paced as it goes.
    if (plan.kind === 'json') delayMs += generationMs;
  }
  if (plan.kind === 'json') return { kind: 'json', completion, delayMs, cut: plan.cut };
  return { kind: 'stream', completion, delayMs, shape: plan.shape, includeUsage: plan.includeUsage, cut: plan.cut };
}

/**
 * The plan ready to send: an error as it is; otherwise the picked fixture's use is counted as served
 * and its scenario moved to `next` (both at once, so the next request sees its `replies` and scenario
 * move on) and the plan is settled on the completion `build` makes: at once when `build` gives it at
 * once, else as a promise.
 */
export function completeReply(
  plan: ReplyPlan,
  pick: FixturePick,
  state: Pick<RunState, 'useOf' | 'scenarios'>,
  build: () => Completion | Promise<Completion>,
): Outgoing | Promise<Outgoing> {
  if (plan.kind === 'error') return plan;
  if (pick.kind === 'fixture') {
    state.useOf(pick.fixture.name).served++;
    const scenario = pick.fixture.scenario;
    if (scenario?.next !== undefined) state.scenarios.set(scenario.name, scenario.next);
  }
  const completion = build();
  return completion instanceof Promise ? completion.then((done) => settleReply(plan, done)) : settleReply(plan, completion);
}
