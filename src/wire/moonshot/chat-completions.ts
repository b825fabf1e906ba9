import { Hono, type Context } from 'hono';
import type { ChatPlan } from '../../chat/plan-chat.ts';
import { planChat } from '../../chat/plan-chat.ts';
import { chatRequestSchema } from '../../chat/chat-request.ts';
import { quickChatRequest } from '../../chat/quick-chat-request.ts';
import { createdSeconds } from '../../clock.ts';
import type { AppDeps, AppEnv, ServedNote } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import type { Fault } from '../../faults/fault-schema.ts';
import { pickRequestFault } from '../../faults/pick-request-fault.ts';
import { pickFixture, type Pick } from '../../fixtures/pick-fixture.ts';
import { admissionCharge } from '../../limits/admission-charge.ts';
import { cachePartition } from '../../tokens/prefix-cache.ts';
import { viewRequest, type RequestView } from '../../match/request-view.ts';
import { buildCompletion } from '../../reply/build-completion.ts';
import { planReply } from '../../reply/plan-reply.ts';
import { completeReply } from '../../reply/settle-reply.ts';
import { ownRequestSignal, requestHeader, requestSignal } from '../../transport/read-body.ts';
import { sendReply } from '../../transport/send-reply.ts';
import { keyCheck } from './authenticate.ts';
import { forwardUpstream } from './forward-upstream.ts';
import { moonshotEncoder } from './moonshot-encoder.ts';
import { parseBody } from './parse-body.ts';
import { readJson } from './read-json.ts';

/**
 * POST /v1/chat/completions, as the flow: parse → plan (validate, count, context check) → admit
 * (rate limits; the slot is held until the response or stream ends) → prefix cache → pick a fixture and
 * a fault → plan the reply → build and send it. In record and proxy modes, a miss (every request in
 * record-all) is answered by the upstream instead.
 */
export function chatRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const checkKey = keyCheck(deps);
  routes.post('/chat/completions', async (c) => {
    checkKey(c);
    const signal = requestSignal(c);
    const body = await readJson(c, deps.config.maxBodyBytes);
    const request = quickChatRequest(body) ?? parseBody(chatRequestSchema, body);
    const record = deps.config.record;
    const served: ServedNote = { model: request.model };
    c.set('served', served);
    const chat = await planChat(request, deps, signal);
    const release = await admit(deps, c, chat);
    try {
      chat.cachedTokens = cachedTokens(deps, c, chat);
      const viewOnce = once(() => viewRequest(request, chat.thinking, c.req.header()));
      // Recording, a miss goes upstream instead of to the generator or the unmatched error.
      const pick = pickFixture(deps.fixtures, viewOnce, deps.state.served, record ? 'error' : deps.config.unmatched);
      if (record && (record.mode === 'record-all' || pick.kind === 'unmatched')) {
        served.reply = 'upstream';
        return await forwardUpstream(c, deps, { body, request, view: viewOnce(), signal: ownRequestSignal(c), onEnd: release });
      }
      const fault = pickFault(deps, c, pick, viewOnce);
      served.reply = pick.kind === 'fixture' ? pick.fixture.name : pick.kind === 'generate' ? 'generated' : 'unmatched';
      served.fault = fault?.kind;
      const reply = planReply({ chat, pick, fault, settings: deps.config });
      const inputs = { counter: deps.counter, seed: deps.config.seed, created: createdSeconds(deps.clock, deps.config.fixedTime), ids: c.get('ids') };
      const outgoing = await completeReply(reply, pick, deps.state, () => buildCompletion(chat, pick, inputs, signal));
      return await sendReply(c, outgoing, { encoder: moonshotEncoder, clock: deps.clock, signal, onEnd: release, log: deps.log });
    } catch (error) {
      release();
      throw error;
    }
  });
  return routes;
}

/**
 * `make`, called at most once, when first needed. (A helper rather than a named arrow in the route:
 * tsx's keepNames gives every named closure a defineProperty call, per request.)
 */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

const noRelease = (): void => {};

/** Admits the request under the rate limits (no limits configured: nothing to hold), or logs the hit and throws its 429; returns the slot's release. */
async function admit(deps: AppDeps, c: Context<AppEnv>, chat: ChatPlan): Promise<() => void> {
  if (!deps.limiter.enabled) return noRelease;
  const { request, model, promptTokens } = chat;
  const charge = admissionCharge(promptTokens, request.max_completion_tokens ?? request.max_tokens, model.default_max_tokens);
  const admission = await deps.limiter.admit(c.get('apiKey'), charge);
  if (admission.ok) return admission.release;
  const error = new MoonshotError(admission.error);
  deps.log(`moonshot-mock: rate limit hit (limiter): ${error.message} [${c.get('ids').requestId}]`);
  throw error;
}

/** Prompt tokens this request finds in its user's prefix cache (which then remembers its prompt). */
function cachedTokens(deps: AppDeps, c: Context<AppEnv>, chat: ChatPlan): number {
  const user = deps.users.findUserByKey(c.get('apiKey'))?.user.organization ?? c.get('apiKey');
  const { tools, messages } = chat.request;
  return deps.prefixCache.serve(cachePartition(user, chat), [tools ?? [], ...messages], chat.promptBlocks);
}

/** The fault this request gets (header > fixture > config), logged when there is one. */
function pickFault(deps: AppDeps, c: Context<AppEnv>, pick: Pick, view: () => RequestView): Fault | undefined {
  const chosen = pickRequestFault({
    state: deps.state,
    header: requestHeader(c, 'x-mock-fault'),
    fixture: pick.kind === 'fixture' ? pick.fixture : undefined,
    configFaults: deps.config.faults,
    view,
  });
  if (chosen) deps.log(`moonshot-mock: injected ${chosen.fault.kind} fault (source: ${chosen.source}) [${c.get('ids').requestId}]`);
  return chosen?.fault;
}
