import OpenAI, { BadRequestError, RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { sdkClient } from '../support/sdk-client.ts';
import { anyDialectFixtures, dialectApp } from '../support/dialects.ts';

const getTime: OpenAI.Responses.FunctionTool = {
  type: 'function', name: 'get_time', strict: false,
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe("the openai client's responses API on /v1/responses", () => {
  it('creates a stateless response with reasoning, the answer and usage', async () => {
    const response = await sdkClient(dialectApp()).responses.create({ model: 'kimi-k3', input: 'Hello there', reasoning: { effort: 'high' } });
    expect(response).toMatchObject({ object: 'response', status: 'completed', store: false, background: false, previous_response_id: null });
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(response.output_text).toContain('Hello there');
    const usage = response.usage!;
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
    expect(usage.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('streams events the client assembles into the same response', async () => {
    const client = sdkClient(dialectApp());
    const stream = client.responses.stream({ model: 'kimi-k3', input: 'Hello there' });
    let text = '';
    const types = new Set<string>();
    for await (const event of stream) {
      types.add(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    const streamed = await stream.finalResponse();
    const created = await client.responses.create({ model: 'kimi-k3', input: 'Hello there' });
    const reasoningOf = (response: OpenAI.Responses.Response) => response.output.flatMap((item) => (item.type === 'reasoning' ? item.content ?? [] : []));
    expect(streamed.output.map((item) => item.type)).toEqual(created.output.map((item) => item.type));
    expect(reasoningOf(streamed)).toEqual(reasoningOf(created));
    expect(streamed.output_text).toBe(created.output_text);
    expect(streamed.output_text).toBe(text);
    expect([...types]).toEqual(expect.arrayContaining(['response.created', 'response.reasoning_text.delta', 'response.output_text.done', 'response.completed']));
  });

  it('runs a function-call loop from a fixture, reasoning sent back as received', async () => {
    const client = sdkClient(dialectApp({ fixtures: [anyDialectFixtures] }));
    const input: OpenAI.Responses.ResponseInput = [{ role: 'user', content: 'What time is it in Tokyo?' }];
    const first = await client.responses.create({ model: 'kimi-k3', input, tools: [getTime] });
    const call = first.output.find((item) => item.type === 'function_call')!;
    expect(call).toMatchObject({ name: 'get_time', arguments: '{"city":"Tokyo"}', call_id: 'get_time_0' });
    input.push(...(first.output as OpenAI.Responses.ResponseInputItem[]), { type: 'function_call_output', call_id: call.call_id, output: '09:00' });
    const second = await client.responses.create({ model: 'kimi-k3', input, tools: [getTime] });
    expect(second.output_text).toBe('It is nine in the morning in Tokyo.');
  });

  it('streams a function call whose arguments arrive in deltas', async () => {
    const client = sdkClient(dialectApp({ fixtures: [anyDialectFixtures] }));
    const stream = client.responses.stream({ model: 'kimi-k3', input: 'What time is it in Tokyo?', tools: [getTime] });
    let args = '';
    stream.on('response.function_call_arguments.delta', (event) => (args += event.delta));
    const final = await stream.finalResponse();
    expect(args).toBe('{"city":"Tokyo"}');
    expect(final.output.at(-1)).toMatchObject({ type: 'function_call', arguments: args, status: 'completed' });
  });

  it('refuses previous_response_id with the documented stateless message', async () => {
    const error = await sdkClient(dialectApp()).responses.create({ model: 'kimi-k3', input: 'Hi', previous_response_id: 'resp_123' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).error).toEqual({
      message: 'Invalid request: previous_response_id is not supported: the Responses API is stateless (store is always false): send the whole conversation in `input`',
      type: 'invalid_request_error',
    });
  });

  it('sees a 429 fault as RateLimitError', async () => {
    const client = sdkClient(dialectApp(), { maxRetries: 0 });
    const error = await client.responses.create({ model: 'kimi-k3', input: 'Hi' }, { headers: { 'x-mock-fault': '429' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).error).toEqual({ message: 'The engine is currently overloaded, please try again later', type: 'engine_overloaded_error' });
  });
});
