import { describe, expect, it } from 'vitest';
import type { ChatPlan } from '../../src/chat/plan-chat.ts';
import type { FaultInput } from '../../src/faults/fault-schema.ts';
import { faultSchema } from '../../src/faults/fault-schema.ts';
import type { Pick } from '../../src/fixtures/pick-fixture.ts';
import { planReply } from '../../src/reply/plan-reply.ts';
import { defaultStreamShape } from '../../src/reply/stream-shape.ts';

const settings = { stallCapMs: 300_000, timeoutMs: 7_200_000, tokensPerSecond: 60 };
const chatOf = (stream: boolean) => ({ request: { stream, stream_options: { include_usage: true } } }) as unknown as ChatPlan;
const generate: Pick = { kind: 'generate' };
const plan = (fault: FaultInput | undefined, stream = false, pick: Pick = generate) =>
  planReply({ chat: chatOf(stream), pick, fault: fault && faultSchema.parse(fault), settings });
const injected500 = { kind: 'injected', status: 500, type: 'server_error', message: 'Internal server error' };

describe('planReply', () => {
  it('plans the completion as JSON, at once and whole, without a fault', () => {
    expect(plan(undefined)).toEqual({ kind: 'json', delayMs: 0, shape: defaultStreamShape, deadline: undefined, cut: undefined });
  });

  it('plans a stream with usage when the request asks for one', () => {
    expect(plan(undefined, true)).toMatchObject({ kind: 'stream', delayMs: 0, includeUsage: true, cut: undefined });
  });

  it('answers an http fault with its error after its delay, with Retry-After when set', () => {
    expect(plan({ kind: 'http', status: 503, delay_ms: 250, retry_after: 2 }, true)).toEqual({
      kind: 'error',
      error: { kind: 'injected', status: 503, type: 'server_error', message: 'The service is temporarily unavailable, please try again later' },
      delayMs: 250,
      headers: { 'Retry-After': '2' },
    });
  });

  it('puts an http fault before an unmatched request', () => {
    const unmatched: Pick = { kind: 'unmatched', error: { kind: 'fixture_unmatched', explanation: 'none' } };
    expect(plan({ kind: 'http', status: 429 }, false, unmatched)).toMatchObject({ kind: 'error', error: { kind: 'injected', status: 429 } });
  });

  it('answers an unmatched request with its error when no http fault fires', () => {
    const unmatched: Pick = { kind: 'unmatched', error: { kind: 'fixture_unmatched', explanation: 'none' } };
    expect(plan({ kind: 'disconnect' }, false, unmatched)).toEqual({ kind: 'error', error: unmatched.error, delayMs: 0, headers: {} });
  });

  it('gives a timeout fault a deadline with the 504, and paces its stream at the simulated speed', () => {
    const deadline = { timeoutMs: 7_200_000, tokensPerSecond: 60, error: { kind: 'injected', status: 504, type: 'server_error', message: 'Request timed out, please try again later' } };
    expect(plan({ kind: 'timeout' })).toMatchObject({ kind: 'json', deadline });
    expect(plan({ kind: 'timeout' }, true)).toMatchObject({ kind: 'stream', deadline, shape: { tokensPerSecond: 60 } });
  });

  it('cuts a stream after N chunks or N ms on disconnect, and drops a JSON answer', () => {
    expect(plan({ kind: 'disconnect', after_chunks: 3 }, true)).toMatchObject({ cut: { kind: 'disconnect', afterChunks: 3 } });
    expect(plan({ kind: 'disconnect', after_ms: 250 }, true)).toMatchObject({ cut: { kind: 'disconnect', afterMs: 250 } });
    expect(plan({ kind: 'disconnect', after_ms: 250 })).toMatchObject({ cut: { kind: 'disconnect', afterMs: 250 } });
  });

  it('sends an error event mid-stream, and the same error as a JSON 500', () => {
    expect(plan({ kind: 'error_event', after_chunks: 2 }, true)).toMatchObject({ cut: { kind: 'error_event', afterChunks: 2, error: injected500 } });
    expect(plan({ kind: 'error_event' })).toMatchObject({ kind: 'json', cut: { kind: 'error', error: injected500 } });
  });

  it('stalls up to the stall cap', () => {
    expect(plan({ kind: 'stall', after_chunks: 1 }, true)).toMatchObject({ cut: { kind: 'stall', afterChunks: 1, capMs: 300_000 } });
    expect(plan({ kind: 'stall' })).toMatchObject({ cut: { kind: 'stall', capMs: 300_000 } });
  });

  it('garbles or truncates a stream, and halves a JSON body', () => {
    expect(plan({ kind: 'malformed_chunk', after_chunks: 2 }, true)).toMatchObject({ cut: { kind: 'malformed_chunk', afterChunks: 2 } });
    expect(plan({ kind: 'truncate', after_chunks: 5 }, true)).toMatchObject({ cut: { kind: 'truncate', afterChunks: 5 } });
    expect(plan({ kind: 'truncate' })).toMatchObject({ cut: { kind: 'half' } });
  });
});
