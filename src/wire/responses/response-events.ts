import type { Completion } from '../../reply/completion.ts';
import { argumentSlices } from '../../reply/compose-text.ts';
import { textDeltas } from '../../reply/text-deltas.ts';
import type { StreamShape } from '../../reply/stream-shape.ts';
import type { SseEvent } from '../../transport/wire-encoder.ts';
import { outputItems, responseObject } from './response-body.ts';
import type { ResponsesRequest } from './responses-request.ts';

type Item = ReturnType<typeof outputItems>[number];
type Delta = { text: string; pieces: number };

/**
 * The SSE events of a Responses stream, each named by its `type` and numbered by `sequence_number`:
 * `response.created`, `response.in_progress`; per output item `response.output_item.added`, its parts
 * and deltas (`reasoning_text`, `output_text`, `function_call_arguments`) and `response.output_item.done`;
 * then `response.completed` (or `response.incomplete`) with the whole response and its usage. No `[DONE]`.
 */
export function responseEvents(completion: Completion, request: ResponsesRequest, shape: StreamShape): SseEvent[] {
  const choice = completion.choices[0]!;
  const events: SseEvent[] = [];
  let sequence = 0;
  const push = (type: string, fields: object, pieces = 0) => {
    if (shape.keepAlive) events.push({ comment: 'keep-alive' });
    events.push({ event: type, data: { type, sequence_number: sequence++, ...fields }, pieces });
  };
  const opening = responseObject(completion, request, 'in_progress');
  push('response.created', { response: opening });
  push('response.in_progress', { response: opening });
  const textPart = (item: Item, output_index: number, kind: 'reasoning_text' | 'output_text', text: string) => {
    const at = { item_id: item.id, output_index, content_index: 0 };
    const empty = kind === 'output_text' ? { type: kind, text: '', annotations: [], logprobs: [] } : { type: kind, text: '' };
    const extra = kind === 'output_text' ? { logprobs: [] } : {};
    push('response.content_part.added', { ...at, part: empty });
    for (const part of textDeltas(text, shape) as Delta[]) push(`response.${kind}.delta`, { ...at, delta: part.text, ...extra }, part.pieces);
    push(`response.${kind}.done`, { ...at, text, ...extra });
    push('response.content_part.done', { ...at, part: { ...empty, text } });
  };
  outputItems(completion, choice).forEach((item, output_index) => {
    if (item.type === 'reasoning') {
      push('response.output_item.added', { output_index, item: { ...item, content: [] } });
      textPart(item, output_index, 'reasoning_text', choice.reasoning ?? '');
    } else if (item.type === 'message') {
      push('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } });
      textPart(item, output_index, 'output_text', choice.content);
    } else {
      const args = item.arguments as string;
      push('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', arguments: '' } });
      const slices = shape.toolCallWhole ? [args] : argumentSlices(args);
      for (const delta of slices) push('response.function_call_arguments.delta', { item_id: item.id, output_index, delta }, 1);
      push('response.function_call_arguments.done', { item_id: item.id, output_index, name: item.name, arguments: args });
    }
    push('response.output_item.done', { output_index, item });
  });
  const final = responseObject(completion, request, 'done');
  push(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
  return events;
}
