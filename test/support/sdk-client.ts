import OpenAI from 'openai';
import type { MockApp } from './mock-app.ts';

/** An openai SDK client wired to an in-process app (no socket). */
export function sdkClient(app: MockApp, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}): OpenAI {
  return new OpenAI({
    apiKey: 'sk-test',
    baseURL: 'http://moonshot.test/v1',
    fetch: async (input, init) => app.request(input as string, init),
    ...options,
  });
}

/** Drains a stream; resolves with the text, or rejects with what iteration threw. */
export async function drain(stream: AsyncIterable<OpenAI.ChatCompletionChunk>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}
