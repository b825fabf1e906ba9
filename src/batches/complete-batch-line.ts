import { chargeCompletion, payerOf, requireBalance } from '../billing/bill-calls.ts';
import { planChat } from '../chat/plan-chat.ts';
import { createdSeconds } from '../clock.ts';
import type { AppDeps } from '../deps.ts';
import { describeError, type ErrorKind } from '../errors/error-kind.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { pickRequestFault } from '../faults/pick-request-fault.ts';
import { checkFileRefs } from '../files/check-file-refs.ts';
import { pickFixture } from '../fixtures/pick-fixture.ts';
import { viewRequest, type RequestView } from '../match/request-view.ts';
import { buildCompletion } from '../reply/build-completion.ts';
import { planReply } from '../reply/plan-reply.ts';
import { completeReply } from '../reply/settle-reply.ts';
import { completionBody } from '../wire/moonshot/completion-body.ts';
import { errorEnvelope } from '../errors/error-envelope.ts';
import type { BatchLine } from './read-batch-lines.ts';

/** What one request of a batch answered: the status and body a direct call would have got. */
export interface LineOutcome {
  statusCode: number;
  requestId: string;
  body: unknown;
}

/**
 * Runs one batch request through the same core as `POST /v1/chat/completions` — plan (validation,
 * count), ms:// files, balance, fixture and fault pick, `planReply`, `completeReply` — as a JSON
 * request, and charges it at the batch price. A fault's delay (or a `timeout` fault's generation
 * time) is spent on the app clock; an `http` fault, a timeout or an `error_event` answers with its
 * error; cuts that only break a connection have no connection to break here. Never throws for an API
 * error: the error becomes the outcome, as it would be the response.
 */
export async function completeBatchLine(line: BatchLine, deps: AppDeps, apiKey: string, signal?: AbortSignal): Promise<LineOutcome> {
  const ids = deps.namespaces.default.state.ids.next();
  const failed = (error: ErrorKind) => ({ statusCode: describeError(error).status, requestId: ids.requestId, body: errorEnvelope(error) });
  try {
    const request = { ...line.request, stream: false };
    const chat = await planChat(request, deps, signal);
    checkFileRefs(request, deps.files, payerOf(deps, apiKey).organization);
    requireBalance(deps, apiKey);
    let view: RequestView | undefined;
    const viewOnce = () => (view ??= viewRequest(request, chat.thinking, {}));
    const pick = pickFixture(deps.namespaces.default.fixtures, viewOnce, deps.namespaces.default.state.served, deps.config.unmatched);
    const chosen = pickRequestFault({
      state: deps.namespaces.default.state, header: undefined, fixture: pick.kind === 'fixture' ? pick.fixture : undefined, configFaults: deps.config.faults, view: viewOnce,
    });
    if (chosen) deps.log(`moonshot-mock: injected ${chosen.fault.kind} fault (source: ${chosen.source}) [${ids.requestId}]`);
    const plan = planReply({ chat, pick, fault: chosen?.fault, settings: deps.config });
    const inputs = { counter: deps.counter, seed: deps.config.seed, created: createdSeconds(deps.clock, deps.config.fixedTime), ids };
    const outgoing = await completeReply(plan, pick, deps.namespaces.default.state, () => buildCompletion(chat, pick, inputs, signal));
    await deps.clock.sleep(outgoing.delayMs, signal);
    if (outgoing.kind === 'error') return failed(outgoing.error);
    if (outgoing.cut?.kind === 'error') return failed(outgoing.cut.error);
    chargeCompletion(deps, apiKey, outgoing.completion, 'batch');
    return { statusCode: 200, requestId: ids.requestId, body: completionBody(outgoing.completion) };
  } catch (err) {
    if (!(err instanceof MoonshotError)) throw err;
    return failed(err.error);
  }
}
