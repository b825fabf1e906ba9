import type { Context } from 'hono';
import type { ChatRequest } from '../../chat/chat-request.ts';
import { messageText } from '../../chat/message-text.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { MoonshotError } from '../../errors/moonshot-error.ts';
import type { FixtureInput } from '../../fixtures/fixture-schema.ts';
import type { RequestView } from '../../match/request-view.ts';
import { assembleJsonReply } from '../../record/assemble-json-reply.ts';
import { assembleStreamReply } from '../../record/assemble-stream-reply.ts';
import { deriveMatch } from '../../record/derive-match.ts';
import { recordOutcome, type RecordedOutcome } from '../../record/record-outcome.ts';
import { redactFixture } from '../../record/redact-fixture.ts';
import { createRedactor } from '../../record/redactor.ts';
import { conversationFile, recordingName } from '../../record/recording-key.ts';
import { upstreamFault } from '../../record/upstream-fault.ts';
import { callUpstream, shownUpstream, UpstreamError, type UpstreamAnswer } from '../../record/upstream-client.ts';
import { destroySocket } from '../../transport/node-bindings.ts';

/** What the forwarded request brought back, as a recorded outcome; undefined when there is nothing to record. */
function outcomeOf(result: Awaited<UpstreamAnswer['done']>): RecordedOutcome | undefined {
  if (!result.complete) return undefined;
  if (result.status >= 400) {
    const fault = upstreamFault(result.status, result.text ?? '', result.retryAfter);
    return fault && { kind: 'fault', fault };
  }
  if (result.status !== 200) return undefined;
  if (result.chunks) return { kind: 'reply', ...assembleStreamReply(result.chunks) };
  return { kind: 'reply', reply: assembleJsonReply(JSON.parse(result.text ?? '')) };
}

/**
 * Answers a request from the upstream (record, record-all and proxy modes): forwards the body as the
 * client sent it with the client's `Authorization`, passes the answer back unchanged as it arrives,
 * and, except in proxy mode, writes the fixture that replays it once the answer is complete. The
 * fixture and every log line are redacted. No answer (unreachable, TLS, timeout) is a 502 naming the
 * upstream, and nothing is written. `onEnd` runs once the answer is over, however it ended.
 */
export async function forwardUpstream(
  c: Context<AppEnv>,
  deps: AppDeps,
  input: { body: unknown; request: ChatRequest; view: RequestView; signal: AbortSignal; onEnd: () => void },
): Promise<Response> {
  const record = deps.config.record!;
  // `onEnd` (the admission's release) is idempotent: the failure path may call it twice.
  const { onEnd } = input;
  const upstream = shownUpstream(record.upstream);
  const { requestId } = c.get('ids');
  const redactor = createRedactor(deps.config.redact, c.req.header());
  const log = (line: string) => deps.log(redactor.text(`moonshot-mock: ${line} [${requestId}]`));
  let answer: UpstreamAnswer;
  try {
    answer = await callUpstream({
      upstream: record.upstream, body: JSON.stringify(input.body), authorization: c.req.header('authorization'),
      accept: c.req.header('accept'), timeoutMs: record.timeoutMs, clock: deps.clock, signal: input.signal, onEnd,
      dropClient: () => destroySocket(c),
    });
  } catch (err) {
    onEnd();
    if (!(err instanceof UpstreamError)) throw err;
    log(`upstream ${upstream} failed (${err.message}); nothing recorded`);
    throw new MoonshotError({ kind: 'upstream_failed', upstream, reason: redactor.text(err.message) });
  }
  const upstreamId = answer.response.headers.get('msh-request-id');
  if (upstreamId !== null) c.header('Msh-Request-Id', upstreamId);
  if (record.mode === 'proxy') {
    log(`forwarded to ${upstream} (proxy: nothing recorded)`);
    return answer.response;
  }
  const redact = (fixture: FixtureInput) => redactFixture(fixture, redactor);
  const match = deriveMatch(input.view);
  const name = recordingName(redact({ match }).match!);
  const firstUser = input.request.messages.find((message) => message.role === 'user');
  const file = conversationFile(input.view.model, redactor.text(firstUser ? messageText(firstUser) : ''));
  void answer.done
    .then((result) => {
      const outcome = outcomeOf(result);
      if (outcome === undefined) {
        const why = result.complete ? `the upstream answered ${result.status}, which says nothing about the request` : 'the upstream answer broke off';
        return log(`${why}; nothing recorded`);
      }
      const written = recordOutcome(deps.state.recordings, { dir: record.dir!, file, name, match, outcome, redact });
      log(`recorded ${name} (${outcome.kind}) in ${written.path}${written.replaced ? ', replacing the earlier recording' : ''}`);
    })
    .catch((err: unknown) => log(`failed to record ${name}: ${(err as Error).message}`));
  return answer.response;
}
