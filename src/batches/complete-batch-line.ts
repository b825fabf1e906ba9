import { chargeCompletion, payerOf, requireBalance } from '../billing/bill-calls.ts';
import type { AppDeps } from '../deps.ts';
import { describeError, errorEnvelope } from '../errors/error-kind.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { faultError } from '../faults/describe-fault-error.ts';
import { pickRequestFault } from '../faults/pick-request-fault.ts';
import { checkFileRefs } from '../files/check-file-refs.ts';
import { pickFixture, recordServed } from '../fixtures/pick-fixture.ts';
import { viewRequest, type RequestView } from '../fixtures/request-view.ts';
import { buildCompletion } from '../reply/build-completion.ts';
import { completionBody, totalUsage } from '../reply/completion-body.ts';
import { planChat } from '../validate/plan-chat.ts';
import type { BatchLine } from './read-batch-lines.ts';

/** What one request of a batch answered: the status and body a direct call would have got. */
export interface LineOutcome {
  statusCode: number;
  requestId: string;
  body: unknown;
}

/**
 * Runs one batch request through the same core as `POST /v1/chat/completions` — validation, balance,
 * fixture pick, fault pick (an `http` fault answers with its error; stream faults have nothing to
 * cut), completion — and charges it at the batch price. Never throws for an API error: the error
 * becomes the outcome, as it would be the response.
 */
export async function completeBatchLine(line: BatchLine, deps: AppDeps, apiKey: string, signal?: AbortSignal): Promise<LineOutcome> {
  const ids = deps.ids.next();
  try {
    const plan = await planChat(line.request, deps, signal);
    checkFileRefs(line.request, deps.files, payerOf(deps, apiKey).organization);
    requireBalance(deps, apiKey);
    let view: RequestView | undefined;
    const viewOnce = () => (view ??= viewRequest(line.request, plan.thinking, {}));
    const pick = pickFixture(deps.fixtures, viewOnce, deps.config.unmatched);
    const chosen = pickRequestFault({
      state: deps.faults, header: undefined, fixture: pick.kind === 'fixture' ? pick.fixture : undefined, configFaults: deps.config.faults, view: viewOnce,
    });
    if (chosen?.fault.kind === 'http') throw new MoonshotError(faultError(chosen.fault));
    if (pick.kind === 'unmatched') throw pick.error;
    recordServed(deps.fixtures, pick);
    const completion = await buildCompletion(plan, pick, deps, ids, signal);
    chargeCompletion(deps, apiKey, completion.model, totalUsage(completion), 'batch');
    return { statusCode: 200, requestId: ids.requestId, body: completionBody(completion) };
  } catch (err) {
    if (!(err instanceof MoonshotError)) throw err;
    return { statusCode: describeError(err.error).status, requestId: ids.requestId, body: errorEnvelope(err.error) };
  }
}
