import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/index.ts';
import { mockApp, plain } from './support/mock-app.ts';

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

/** The same contract, run against a client wired in-process and one over a real socket. */
function contract(name: string, client: () => OpenAI) {
  describe(`openai SDK contract (${name})`, () => {
    it('lists the models', async () => {
      const ids: string[] = [];
      for await (const model of client().models.list()) ids.push(model.id);
      expect(ids).toContain('kimi-k2.6');
      expect(ids).toContain('kimi-k3');
      expect(ids).not.toContain('moonshot-v1-8k');
    });

    it('gets a completion with usage', async () => {
      const completion = await client().chat.completions.create({ ...plain, messages: [{ role: 'user', content: 'Hi' }] });
      expect(completion.object).toBe('chat.completion');
      expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
      expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    });

    it('iterates a stream to the end and gets usage from the include_usage chunk', async () => {
      const stream = await client().chat.completions.create({
        model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true },
      });
      let content = '';
      let reasoning = '';
      let finish: string | null = null;
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        content += choice?.delta.content ?? '';
        reasoning += (choice?.delta as { reasoning_content?: string } | undefined)?.reasoning_content ?? '';
        finish = choice?.finish_reason ?? finish;
        if (chunk.usage) usage = chunk.usage;
      }
      expect(content.length).toBeGreaterThan(0);
      expect(reasoning.length).toBeGreaterThan(0);
      expect(finish).toBe('stop');
      expect(usage!.completion_tokens).toBeGreaterThan(0);
    });

    it('assembles a streamed tool call', async () => {
      const runner = client().chat.completions.stream({
        ...plain, messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weatherTool], tool_choice: 'required',
      });
      const final = await runner.finalChatCompletion();
      const call = final.choices[0]!.message.tool_calls![0]!;
      expect(final.choices[0]!.finish_reason).toBe('tool_calls');
      expect(call.type === 'function' && call.function.name).toBe('get_weather');
      expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: expect.any(String) });
    });

    it('raises BadRequestError with status and type', async () => {
      const err = await client().chat.completions.create({ ...plain, messages: [] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err).toMatchObject({ status: 400, type: 'invalid_request_error', message: '400 Invalid request: messages must not be empty' });
    });

    it('raises NotFoundError for an unknown model', async () => {
      const err = await client().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.NotFoundError);
      expect(err).toMatchObject({ status: 404, type: 'resource_not_found_error' });
    });
  });
}

contract('in-process fetch', () => {
  const app = mockApp({ apiKeys: ['sk-good'] });
  return new OpenAI({ apiKey: 'sk-good', baseURL: 'http://moonshot.test/v1', fetch: async (input, init) => app.request(input as string, init) });
});

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, apiKeys: ['sk-good'] });
});
afterAll(() => server.close());

contract('real socket', () => new OpenAI({ apiKey: 'sk-good', baseURL: server.baseURL }));

describe('openai SDK errors for authentication', () => {
  it('raises AuthenticationError with status and type for a key not on the list', async () => {
    const client = new OpenAI({ apiKey: 'sk-bad', baseURL: server.baseURL });
    const err = await client.models.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(err).toMatchObject({ status: 401, type: 'invalid_authentication_error' });
  });
});
