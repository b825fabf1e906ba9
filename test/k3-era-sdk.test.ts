import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { mockApp } from './support/mock-app.ts';
import { sdkClient } from './support/sdk-client.ts';

const client = sdkClient(mockApp());
const weather: OpenAI.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const ask: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'What is the weather in Paris?' }];
type Thinking = { reasoning_content?: string };
/** What the SDK rejects with, resolved instead of thrown. */
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('the K3 era through the official openai client', () => {
  it.each(['low', 'high', 'max'] as const)('answers kimi-k3 with reasoning_effort %s', async (effort) => {
    const completion = await client.chat.completions.create({ model: 'kimi-k3', messages: ask, reasoning_effort: effort as never });
    expect(completion.model).toBe('kimi-k3');
    expect(completion.id).toMatch(/^chatcmpl-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((completion.choices[0]!.message as Thinking).reasoning_content!.length).toBeGreaterThan(0);
    expect(completion.usage!.completion_tokens_details!.reasoning_tokens).toBeGreaterThan(0);
  });

  it('reasons longer on kimi-k3 the higher the effort', async () => {
    const reasoning = async (effort: 'low' | 'high') => {
      const completion = await client.chat.completions.create({ model: 'kimi-k3', messages: ask, reasoning_effort: effort });
      return completion.usage!.completion_tokens_details!.reasoning_tokens!;
    };
    const max = (await client.chat.completions.create({ model: 'kimi-k3', messages: ask })).usage!.completion_tokens_details!.reasoning_tokens!;
    expect(await reasoning('low')).toBeLessThan(await reasoning('high'));
    expect(await reasoning('high')).toBeLessThan(max);
  });

  it('refuses a reasoning_effort kimi-k3 does not have', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'kimi-k3', messages: ask, reasoning_effort: 'medium' }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', message: '400 invalid reasoning_effort: only low, high, max is allowed for this model' });
  });

  it('calls a tool on kimi-k3 with tool_choice "required" while thinking', async () => {
    const completion = await client.chat.completions.create({ model: 'kimi-k3', messages: ask, tools: [weather], tool_choice: 'required' });
    const [call] = completion.choices[0]!.message.tool_calls! as OpenAI.ChatCompletionMessageFunctionToolCall[];
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(call!.id).toBe('get_weather_0');
    expect(JSON.parse(call!.function.arguments)).toEqual({ city: expect.any(String) });
  });

  it('runs a full thinking tool loop on kimi-k3, sending the reasoning back', async () => {
    const messages = [...ask];
    const first = await client.chat.completions.create({ model: 'kimi-k3', messages, tools: [weather], tool_choice: 'required' });
    const turn = first.choices[0]!.message;
    expect((turn as Thinking).reasoning_content).toBeTruthy();
    messages.push(turn as OpenAI.ChatCompletionAssistantMessageParam, { role: 'tool', tool_call_id: turn.tool_calls![0]!.id, content: '{"sky":"sunny"}' });
    const second = await client.chat.completions.create({ model: 'kimi-k3', messages, tools: [weather] });
    expect(second.choices[0]!.finish_reason).toBe('stop');
    expect(second.choices[0]!.message.content!.length).toBeGreaterThan(0);
  });

  it('refuses a tool-call turn sent back without its reasoning', async () => {
    const first = await client.chat.completions.create({ model: 'kimi-k3', messages: ask, tools: [weather], tool_choice: 'required' });
    const { reasoning_content: _dropped, ...turn } = first.choices[0]!.message as OpenAI.ChatCompletionMessage & Thinking;
    const messages = [...ask, turn as OpenAI.ChatCompletionAssistantMessageParam, { role: 'tool' as const, tool_call_id: 'get_weather_0', content: 'sunny' }];
    const error = await rejection(client.chat.completions.create({ model: 'kimi-k3', messages, tools: [weather] }));
    expect(error).toMatchObject({ status: 400, message: '400 thinking is enabled but reasoning_content is missing in assistant tool call message at index 1' });
  });

  it('answers kimi-k2.5 with NotFoundError and the live message', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'kimi-k2.5', messages: ask }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, type: 'resource_not_found_error', message: '404 Not found the model kimi-k2.5 or Permission denied' });
  });

  it('refuses kimi-k2.7-code with thinking disabled, with the live 400', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'kimi-k2.7-code', messages: ask, thinking: { type: 'disabled' } } as never));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ type: 'invalid_request_error', message: '400 invalid thinking: only type=enabled is allowed for this model' });
  });

  it('refuses kimi-k3 with thinking disabled the same way', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'kimi-k3', messages: ask, thinking: { type: 'disabled' } } as never));
    expect(error).toMatchObject({ status: 400, message: '400 invalid thinking: only type=enabled is allowed for this model' });
  });

  it('refuses kimi-k2.6 at temperature 0.6 with thinking on, with the live 400', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'kimi-k2.6', messages: ask, temperature: 0.6 }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ type: 'invalid_request_error', message: '400 invalid temperature: only 1 is allowed for this model' });
  });

  it('refuses tool_choice "required" on thinking kimi-k2.6 and kimi-k2.7-code, with the live 400', async () => {
    for (const model of ['kimi-k2.6', 'kimi-k2.7-code']) {
      const error = await rejection(client.chat.completions.create({ model, messages: ask, tools: [weather], tool_choice: 'required' }));
      expect(error).toMatchObject({ status: 400, message: "400 tool_choice 'required' is incompatible with thinking enabled" });
    }
  });

  it('refuses kimi-k3 sampling values other than its fixed ones', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'kimi-k3', messages: ask, temperature: 0.7 }));
    expect(error).toMatchObject({ status: 400, message: '400 invalid temperature: only 1 is allowed for this model' });
    const topP = await rejection(client.chat.completions.create({ model: 'kimi-k3', messages: ask, top_p: 0.5 }));
    expect(topP).toMatchObject({ status: 400, message: '400 invalid top_p: only 0.95 is allowed for this model' });
  });

  it('answers the same kimi-k2.5 request under --api-date 2026-06-01', async () => {
    const june = sdkClient(mockApp({ apiDate: '2026-06-01' }));
    const completion = await june.chat.completions.create({ model: 'kimi-k2.5', messages: ask });
    expect(completion.model).toBe('kimi-k2.5');
    expect(completion.id).toMatch(/^chatcmpl-[0-9a-f]{24}$/);
    const error = await rejection(june.chat.completions.create({ model: 'kimi-k3', messages: ask }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  });
});
