import type { ChatPlan } from '../chat/plan-chat.ts';
import { errorEventPayload, faultError } from '../faults/describe-fault-error.ts';
import type { Fault } from '../faults/fault-schema.ts';
import type { Pick } from '../fixtures/pick-fixture.ts';
import type { Deadline, JsonCut, ReplyPlan, StreamCut } from './reply-plan.ts';
import { defaultStreamShape, streamShapeOf, type StreamShape } from './stream-shape.ts';

/** The settings faults read. */
export interface FaultSettings {
  stallCapMs: number;
  timeoutMs: number;
  tokensPerSecond: number;
}

/** What a fault does to a reply: answer an error instead, or break the JSON or the stream. */
type Effect =
  | { kind: 'error'; plan: Extract<ReplyPlan, { kind: 'error' }> }
  | { kind: 'reply'; delayMs?: number; deadline?: Deadline; json?: JsonCut; stream?: StreamCut };

/**
 * The one switch over fault kinds: what each does to a JSON answer and to a stream. Adding a fault
 * kind adds a case here (the compiler insists) and its schema.
 */
function effectOf(fault: Fault | undefined, settings: FaultSettings): Effect {
  if (fault === undefined) return { kind: 'reply' };
  switch (fault.kind) {
    case 'http': {
      const headers: Record<string, string> = fault.retry_after === undefined ? {} : { 'Retry-After': String(fault.retry_after) };
      return { kind: 'error', plan: { kind: 'error', error: faultError(fault), delayMs: fault.delay_ms ?? 0, headers } };
    }
    case 'timeout':
      return { kind: 'reply', deadline: { timeoutMs: settings.timeoutMs, tokensPerSecond: settings.tokensPerSecond, error: faultError(fault) } };
    case 'disconnect': {
      const stream: StreamCut = fault.after_ms === undefined
        ? { kind: 'disconnect', afterChunks: fault.after_chunks ?? 0 }
        : { kind: 'disconnect', afterMs: fault.after_ms };
      return { kind: 'reply', json: { kind: 'disconnect', afterMs: fault.after_ms ?? 0 }, stream };
    }
    case 'error_event': {
      const { error } = errorEventPayload(fault);
      const injected = { kind: 'injected', status: 500, ...error } as const;
      return { kind: 'reply', json: { kind: 'error', error: injected }, stream: { kind: 'error_event', afterChunks: fault.after_chunks, error: injected } };
    }
    case 'stall':
      return { kind: 'reply', json: { kind: 'stall', capMs: settings.stallCapMs }, stream: { kind: 'stall', afterChunks: fault.after_chunks, capMs: settings.stallCapMs } };
    case 'malformed_chunk':
    case 'truncate':
      return { kind: 'reply', json: { kind: 'half' }, stream: { kind: fault.kind, afterChunks: fault.after_chunks } };
    default:
      return unknownFault(fault);
  }
}

function unknownFault(fault: never): never {
  throw new Error(`moonshot-mock: no effect for fault kind ${JSON.stringify((fault as { kind: unknown }).kind)}`);
}

/**
 * Decides what a request gets, before any text is built: an `http` fault's error (after its delay)
 * wins over everything, then an unmatched request's error; otherwise the completion as JSON or as a
 * stream (in the fixture's stream shape), with the fault's deadline and cut. Pure.
 */
export function planReply(input: { chat: ChatPlan; pick: Pick; fault: Fault | undefined; settings: FaultSettings }): ReplyPlan {
  const { chat, pick, settings } = input;
  const effect = effectOf(input.fault, settings);
  if (effect.kind === 'error') return effect.plan;
  if (pick.kind === 'unmatched') return { kind: 'error', error: pick.error, delayMs: 0, headers: {} };
  const shape: StreamShape = pick.kind === 'fixture' ? streamShapeOf(pick.fixture.stream) : defaultStreamShape;
  const { deadline } = effect;
  const delayMs = effect.delayMs ?? 0;
  if (!chat.request.stream) return { kind: 'json', delayMs, shape, deadline, cut: effect.json };
  // Under a deadline the stream goes at the simulated speed, so it takes its generation time.
  const paced = deadline && shape.tokensPerSecond === undefined ? { ...shape, tokensPerSecond: deadline.tokensPerSecond } : shape;
  const includeUsage = chat.request.stream_options?.include_usage === true;
  return { kind: 'stream', delayMs, shape: paced, includeUsage, deadline, cut: effect.stream };
}
