import { Hono } from 'hono';
import { checkFileRefs } from '../files/check-file-refs.ts';
import { applyWebSearch, webSearchStep } from '../search/builtin-web-search.ts';
import { chargeCompletion, chargeToolCall, payerOf, requireBalance } from '../billing/bill-calls.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { faultError } from '../faults/describe-fault-error.ts';
import { pickRequestFault } from '../faults/pick-request-fault.ts';
import { sendFaultedJson } from '../faults/send-faulted-json.ts';
import { streamCutOf } from '../faults/stream-cut-of.ts';
import { pickFixture, recordServed } from '../fixtures/pick-fixture.ts';
import { viewRequest, type RequestView } from '../fixtures/request-view.ts';
import { admissionCharge } from '../limits/admission-charge.ts';
import { chatRequestSchema } from '../moonshot/chat-request.ts';
import { parseBody } from '../moonshot/parse-body.ts';
import { buildCompletion } from '../reply/build-completion.ts';
import { completionBody, totalUsage } from '../reply/completion-body.ts';
import { completionChunks } from '../reply/completion-chunks.ts';
import { defaultStreamShape, streamShapeOf } from '../reply/stream-shape.ts';
import { requestSignal } from '../transport/read-body.ts';
import { sendSse } from '../transport/send-sse.ts';
import { planChat } from '../validate/plan-chat.ts';
import { authenticate } from './authenticate.ts';
import { readJson } from './read-json.ts';

/**
 * POST /v1/chat/completions: validate → plan (count, context check) → rate-limit admission → pick a
 * fixture → pick a fault → build the completion → send it as JSON or SSE. The concurrency slot is
 * held until the response (or stream) ends.
 */
export function chatRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/chat/completions', authenticate(deps), async (c) => {
    const signal = requestSignal(c);
    const request = parseBody(chatRequestSchema, await readJson(c, deps.config.maxBodyBytes));
    const plan = await planChat(request, deps, signal);
    checkFileRefs(request, deps.files, payerOf(deps, c.get('apiKey')).organization);
    requireBalance(deps, c.get('apiKey'));
    const webSearch = webSearchStep(request, deps.config.apiDate, deps.config.seed);
    const { requestId } = c.get('ids');
    const charge = admissionCharge(plan.promptTokens, request.max_completion_tokens ?? request.max_tokens, plan.model.default_max_tokens);
    const admission = deps.limiter.admit(c.get('apiKey'), charge);
    if (!admission.ok) {
      deps.log(`moonshot-mock: rate limit hit (limiter): ${new MoonshotError(admission.error).message} [${requestId}]`);
      throw new MoonshotError(admission.error);
    }
    let streaming = false;
    try {
      let view: RequestView | undefined;
      const viewOnce = () => (view ??= viewRequest(request, plan.thinking, c.req.header()));
      const pick = pickFixture(deps.fixtures, viewOnce, deps.config.unmatched);
      const chosen = pickRequestFault({
        state: deps.faults, header: c.req.header('x-mock-fault'), fixture: pick.kind === 'fixture' ? pick.fixture : undefined,
        configFaults: deps.config.faults, view: viewOnce,
      });
      const fault = chosen?.fault;
      if (chosen) deps.log(`moonshot-mock: injected ${fault!.kind} fault (source: ${chosen.source}) [${requestId}]`);
      if (fault?.kind === 'http') {
        await deps.clock.sleep(fault.delay_ms ?? 0, signal);
        if (fault.retry_after !== undefined) c.header('Retry-After', String(fault.retry_after));
        throw new MoonshotError(faultError(fault));
      }
      if (pick.kind === 'unmatched') throw pick.error;
      recordServed(deps.fixtures, pick);
      const built = await buildCompletion(plan, pick, deps, c.get('ids'), signal);
      const completion = pick.kind === 'fixture' && webSearch.kind === 'call' ? built : await applyWebSearch(built, webSearch, deps.counter, signal);
      chargeCompletion(deps, c.get('apiKey'), completion.model, totalUsage(completion));
      if (webSearch.kind === 'answered') for (let i = 0; i < webSearch.searches; i++) chargeToolCall(deps, c.get('apiKey'), 'web_search');
      const shape = pick.kind === 'fixture' ? streamShapeOf(pick.fixture.stream) : defaultStreamShape;
      if (!request.stream) return await sendFaultedJson(c, deps, completionBody(completion), completion, fault, shape, signal);
      const events = completionChunks(completion, request.stream_options?.include_usage === true, shape);
      streaming = true;
      return sendSse(c, events, shape, deps.clock, { cut: streamCutOf(fault, deps.config), onEnd: admission.release, signal });
    } finally {
      if (!streaming) admission.release();
    }
  });
  return routes;
}
