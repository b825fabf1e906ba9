import type { Completion } from '../../reply/completion.ts';
import { argumentSlices } from '../../reply/compose-text.ts';
import { textDeltas } from '../../reply/text-deltas.ts';
import type { StreamShape } from '../../reply/stream-shape.ts';
import type { SseEvent } from '../../transport/wire-encoder.ts';
import { messageIdOf, messageUsage, stopReasonOf, type MessageOptions } from './message-body.ts';
import { signatureOf } from './thinking-signature.ts';

/**
 * The SSE events of a Messages stream, each named by its `type`: `message_start` (usage with the
 * input counts), a `ping`, then per block `content_block_start`, its deltas (`thinking_delta` and a
 * `signature_delta`, `text_delta`, `input_json_delta`) and `content_block_stop`; `message_delta`
 * with `stop_reason` and the usage; `message_stop`. The first choice only (Messages has no `n`).
 */
export function messageEvents(completion: Completion, options: MessageOptions, shape: StreamShape): SseEvent[] {
  const choice = completion.choices[0]!;
  const events: SseEvent[] = [];
  const push = (data: { type: string; [key: string]: unknown }, pieces = 0) => {
    if (shape.keepAlive) events.push({ comment: 'keep-alive' });
    events.push({ event: data.type, data, pieces });
  };
  const usage = messageUsage(completion, choice, options);
  const { output_tokens: _output, output_tokens_details: _details, ...inputUsage } = usage;
  push({
    type: 'message_start',
    message: {
      id: messageIdOf(completion), type: 'message', role: 'assistant', model: completion.model, content: [],
      stop_reason: null, stop_sequence: null, usage: { ...inputUsage, output_tokens: 0 },
    },
  });
  push({ type: 'ping' });
  let index = 0;
  const block = (start: object, deltas: Array<{ delta: object; pieces: number }>) => {
    push({ type: 'content_block_start', index, content_block: start });
    for (const { delta, pieces } of deltas) push({ type: 'content_block_delta', index, delta }, pieces);
    push({ type: 'content_block_stop', index });
    index++;
  };
  if (choice.reasoning !== undefined) {
    const thinking = options.omitThinking ? [] : textDeltas(choice.reasoning, shape).map((part) => ({ delta: { type: 'thinking_delta', thinking: part.text }, pieces: part.pieces }));
    block({ type: 'thinking', thinking: '', signature: '' }, [...thinking, { delta: { type: 'signature_delta', signature: signatureOf(choice.reasoning) }, pieces: 0 }]);
  }
  if (choice.content !== '') {
    block({ type: 'text', text: '' }, textDeltas(choice.content, shape).map((part) => ({ delta: { type: 'text_delta', text: part.text }, pieces: part.pieces })));
  }
  for (const call of choice.toolCalls) {
    const slices = shape.toolCallWhole ? [call.arguments] : argumentSlices(call.arguments);
    block({ type: 'tool_use', id: call.id, name: call.name, input: {} }, slices.map((slice) => ({ delta: { type: 'input_json_delta', partial_json: slice }, pieces: 1 })));
  }
  push({ type: 'message_delta', delta: { stop_reason: stopReasonOf(choice), stop_sequence: choice.stopSequence ?? null }, usage });
  push({ type: 'message_stop' });
  return events;
}
