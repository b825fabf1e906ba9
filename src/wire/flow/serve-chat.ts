import type { Context } from 'hono';
import type { Api } from '../../catalog/model-rules.ts';
import type { ChatRequest } from '../../chat/chat-request.ts';
import { planChat, requireModel, type ChatPlan } from '../../chat/plan-chat.ts';
import { createdSeconds } from '../../clock.ts';
import type { AppDeps, AppEnv, Namespace, ServedNote } from '../../deps.ts';
import { SCENARIO_START } from '../../fixtures/match-fixture.ts';
import { completionNote, matchNote } from '../moonshot/journal-notes.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import type { Fault } from '../../faults/fault-schema.ts';
import { pickRequestFault } from '../../faults/pick-request-fault.ts';
import { pickFixture, type Pick } from '../../fixtures/pick-fixture.ts';
import { admissionCharge } from '../../limits/admission-charge.ts';
import { viewRequest, type RequestView } from '../../match/request-view.ts';
import { buildCompletion } from '../../reply/build-completion.ts';
import type { Completion } from '../../reply/completion.ts';
import { planReply } from '../../reply/plan-reply.ts';
import { completeReply } from '../../reply/settle-reply.ts';
import { ownRequestSignal, requestHeader, requestSignal } from '../../transport/read-body.ts';
import { sendReply } from '../../transport/send-reply.ts';
import { cachePartition } from '../../tokens/prefix-cache.ts';
import type { WireEncoder } from '../../transport/wire-encoder.ts';
import { billChat, payerOf, requireBalance } from '../../billing/bill-calls.ts';
import { checkFileRefs } from '../../files/check-file-refs.ts';
import { applyWebSearch, webSearchStep } from '../../search/builtin-web-search.ts';

/** How a dialect hands a request to the core. */
export interface ChatCall {
  /** The request in the neutral (chat) form every stage reads: validation, fixtures, faults, replies. */
  request: ChatRequest;
  /** The API the request came in on; a model that API does not serve answers 404. */
  api: Api;
  /** How the dialect writes the reply and its errors. */
  encoder: WireEncoder;
  /** Whether this request's prompt is written to the prefix cache (default: yes, as Chat Completions does). */
  writeCache?: boolean;
  /**
   * Answers a miss from the upstream in record and proxy modes (every request in record-all); the
   * Moonshot dialect's. Without it, those modes do not apply and a miss is answered as usual.
   */
  forward?: (miss: { view: RequestView; signal: AbortSignal; onEnd: () => void }) => Promise<Response>;
}

/**
 * The one request flow, for every dialect: plan (validate, count, context check; file references and
 * the balance) → admit (rate
 * limits; the slot is held until the response or stream ends) → prefix cache → pick a fixture and a fault → plan
 * the reply → build and send it with the dialect's encoder. Errors are thrown for the dialect's
 * `onError`. In record and proxy modes, a dialect with `forward` has a miss answered by the upstream.
 */
export async function serveChat(c: Context<AppEnv>, deps: AppDeps, call: ChatCall): Promise<Response> {
  const { request, api, encoder } = call;
  const signal = requestSignal(c);
  const namespace = c.get('namespace');
  const { state } = namespace;
  const note = c.get('journalNote');
  note.model = request.model;
  note.stream = request.stream === true;
  const served: ServedNote = { model: request.model };
  c.set('served', served);
  requireModel(deps.catalog, request.model, api);
  // Each stage answers at once when it can (known token counts, no waits): the common request then
  // takes no async step between its body and its answer. `x instanceof Promise ? await x : x` keeps it so.
  const planned = planChat(request, deps, signal);
  const chat = planned instanceof Promise ? await planned : planned;
  checkFileRefs(request, deps.files, payerOf(deps, c.get('apiKey')).organization);
  requireBalance(deps, c.get('apiKey'));
  const webSearch = webSearchStep(request, deps.config.apiDate, deps.config.seed);
  const release = namespace.limiter.enabled ? await admit(deps, c, chat, namespace) : limitsOff(c);
  let fault: Fault | undefined;
  const onEnd = () => {
    release();
    // An injected disconnect closes the connection itself; only the client's own leaving counts.
    note.aborted = signal.aborted && fault?.kind !== 'disconnect';
    if (note.entry) note.entry.aborted = note.aborted;
  };
  try {
    chat.cachedTokens = cachedTokens(deps, c, chat, call.writeCache ?? true);
    let view: RequestView | undefined;
    const viewOnce = () => (view ??= viewRequest(request, chat.thinking, c.req.header()));
    const record = call.forward && deps.config.record;
    // Recording, a miss goes upstream instead of to the generator or the unmatched error.
    const pick = pickFixture(namespace.fixtures, viewOnce, state.served, record ? 'error' : deps.config.unmatched, state.scenarios);
    if (record && (record.mode === 'record-all' || pick.kind === 'unmatched')) {
      note.match = { outcome: 'upstream' };
      served.reply = 'upstream';
      return await call.forward!({ view: viewOnce(), signal: ownRequestSignal(c), onEnd });
    }
    note.match = matchNote(pick);
    const scenario = pick.kind === 'fixture' ? pick.fixture.scenario : undefined;
    const before = scenario && (state.scenarios.get(scenario.name) ?? SCENARIO_START);
    fault = pickFault(deps, c, pick, viewOnce, state);
    served.reply = pick.kind === 'fixture' ? pick.fixture.name : pick.kind === 'generate' ? 'generated' : 'unmatched';
    served.fault = fault?.kind;
    const reply = planReply({ chat, pick, fault, settings: deps.config });
    const inputs = { counter: deps.counter, seed: deps.config.seed, created: createdSeconds(deps.clock, deps.config.fixedTime), ids: c.get('ids') };
    const bill = (completion: Completion) => {
      billChat(deps, c.get('apiKey'), completion, webSearch);
      return completion;
    };
    const build = () => {
      const built = buildCompletion(chat, pick, inputs, signal);
      // A fixture scripts the $web_search call itself; otherwise the builtin flow shapes the reply.
      if ((pick.kind === 'fixture' && webSearch.kind === 'call') || webSearch.kind === 'none') return built instanceof Promise ? built.then(bill) : bill(built);
      return Promise.resolve(built).then((done) => applyWebSearch(done, webSearch, deps.counter, signal)).then(bill);
    };
    const completed = completeReply(reply, pick, state, build);
    const outgoing = completed instanceof Promise ? await completed : completed;
    if (scenario && before) note.scenario = { name: scenario.name, state: before, next: state.scenarios.get(scenario.name) ?? SCENARIO_START };
    if (outgoing.kind !== 'error') Object.assign(note, completionNote(outgoing.completion));
    const sent = sendReply(c, outgoing, { encoder, clock: deps.clock, signal, onEnd, log: deps.log });
    return sent instanceof Promise ? await sent : sent;
  } catch (error) {
    release();
    throw error;
  }
}

const noRelease = (): void => {};

/** With the rate limits off: noted in the journal, and there is no slot to release. */
function limitsOff(c: Context<AppEnv>): () => void {
  c.get('journalNote').rateLimit = 'off';
  return noRelease;
}

/** Admits the request under the rate limits, or logs the hit and throws its 429; returns the slot's release. */
async function admit(deps: AppDeps, c: Context<AppEnv>, chat: ChatPlan, namespace: Namespace): Promise<() => void> {
  const { request, model, promptTokens } = chat;
  const charge = admissionCharge(promptTokens, request.max_completion_tokens ?? request.max_tokens, model.default_max_tokens);
  const admission = await namespace.limiter.admit(c.get('apiKey'), charge);
  c.get('journalNote').rateLimit = admission.ok ? 'admitted' : 'limited';
  if (admission.ok) return admission.release;
  const error = new MoonshotError(admission.error);
  deps.log(`moonshot-mock: rate limit hit (limiter): ${error.message} [${c.get('ids').requestId}]`);
  throw error;
}

/**
 * Prompt tokens this request finds in its user's prefix cache, which then remembers its prompt when
 * `write`. Every dialect shares the cache (Kimi's is shared across its APIs).
 */
function cachedTokens(deps: AppDeps, c: Context<AppEnv>, chat: ChatPlan, write: boolean): number {
  const user = deps.users.findUserByKey(c.get('apiKey'))?.user.organization ?? c.get('apiKey');
  const { tools, messages } = chat.request;
  return c.get('namespace').prefixCache.serve(cachePartition(user, chat), [tools ?? [], ...messages], chat.promptBlocks, { write });
}

/** The fault this request gets (header > fixture > config), logged when there is one. */
function pickFault(deps: AppDeps, c: Context<AppEnv>, pick: Pick, view: () => RequestView, state: Namespace['state']): Fault | undefined {
  const chosen = pickRequestFault({
    state,
    header: requestHeader(c, 'x-mock-fault'),
    fixture: pick.kind === 'fixture' ? pick.fixture : undefined,
    configFaults: deps.config.faults,
    view,
  });
  if (chosen) {
    deps.log(`moonshot-mock: injected ${chosen.fault.kind} fault (source: ${chosen.source}) [${c.get('ids').requestId}]`);
    c.get('journalNote').fault = { kind: chosen.fault.kind, source: chosen.source };
  }
  return chosen?.fault;
}
