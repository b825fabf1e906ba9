import type { WireEncoder } from '../../transport/wire-encoder.ts';
import { completionBody } from './completion-body.ts';
import { completionChunks } from './completion-chunks.ts';
import { errorEnvelope } from '../../errors/error-envelope.ts';

/**
 * How Moonshot writes a reply: the `chat.completion` body, `chat.completion.chunk` events, the error
 * envelope mid-stream too, and `data: [DONE]` at the end of a stream.
 */
export const moonshotEncoder: WireEncoder = {
  body: completionBody,
  chunks: completionChunks,
  errorEvent: (error) => ({ data: errorEnvelope(error) }),
  done: '[DONE]',
  malformed: { data: '{"id":"chatcmpl-malformed","object":"chat.completion.chunk","choices":[{' },
};
