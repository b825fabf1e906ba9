import { describeError } from '../../errors/error-kind.ts';
import type { WireEncoder } from '../../transport/wire-encoder.ts';
import { responseEvents } from './response-events.ts';
import { responseObject } from './response-body.ts';
import type { ResponsesRequest } from './responses-request.ts';

/**
 * How the Responses dialect writes a reply to `request`: the `response` object, named and numbered
 * events ending with `response.completed` (no `[DONE]`), and a mid-stream error as OpenAI's `error`
 * event (`code` is Moonshot's error type).
 */
export function responsesEncoder(request: ResponsesRequest): WireEncoder {
  return {
    body: (completion) => responseObject(completion, request, 'done'),
    chunks: (completion, _includeUsage, shape) => responseEvents(completion, request, shape),
    errorEvent: (error, sent) => {
      const { type, message } = describeError(error);
      return { event: 'error', data: { type: 'error', code: type, message, param: null, sequence_number: sent } };
    },
    done: undefined,
    malformed: { event: 'response.output_text.delta', data: '{"type":"response.output_text.delta","delta":' },
  };
}
