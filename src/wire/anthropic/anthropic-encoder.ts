import type { WireEncoder } from '../../transport/wire-encoder.ts';
import { anthropicErrorBody } from './anthropic-error.ts';
import { messageBody, type MessageOptions } from './message-body.ts';
import { messageEvents } from './message-events.ts';

/**
 * How the Messages dialect writes a reply, for one request's options: the `message` body, named SSE
 * events ending with `message_stop` (no `[DONE]`), and a mid-stream error as `event: error` with
 * Anthropic's envelope (the SDK throws it as an `APIError`).
 */
export function anthropicEncoder(options: MessageOptions): WireEncoder {
  return {
    body: (completion) => messageBody(completion, options),
    chunks: (completion, _includeUsage, shape) => messageEvents(completion, options, shape),
    errorEvent: (error) => ({ event: 'error', data: anthropicErrorBody(error) }),
    done: undefined,
    malformed: { event: 'content_block_delta', data: '{"type":"content_block_delta","index":0,"delta":{' },
  };
}
