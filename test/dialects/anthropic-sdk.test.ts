import Anthropic, { APIError, AuthenticationError, RateLimitError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { anthropicClient, anyDialectFixtures, dialectApp } from '../support/dialects.ts';

const getTime: Anthropic.Tool = {
  name: 'get_time',
  description: 'The local time in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('the official Anthropic SDK on /anthropic', () => {
  it('gets a message with a signed thinking block and the answer from messages.create', async () => {
    const client = anthropicClient(dialectApp());
    const message = await client.messages.create({
      model: 'kimi-k3', max_tokens: 400, thinking: { type: 'enabled', budget_tokens: 200 }, messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(message.type).toBe('message');
    expect(message.stop_reason).toBe('end_turn');
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    const [thinking, text] = message.content as [Anthropic.ThinkingBlock, Anthropic.TextBlock];
    expect(thinking.thinking.length).toBeGreaterThan(0);
    expect(thinking.signature.length).toBeGreaterThan(0);
    expect(text.text).toContain('Hello there');
    expect(message.usage.output_tokens).toBeGreaterThan(message.usage.output_tokens_details!.thinking_tokens);
  });

  it('streams thinking and text that messages.stream assembles into the same message', async () => {
    const client = anthropicClient(dialectApp());
    const params = { model: 'kimi-k3', max_tokens: 400, thinking: { type: 'adaptive' as const }, messages: [{ role: 'user' as const, content: 'Hello there' }] };
    const stream = client.messages.stream(params);
    let thinking = '';
    let text = '';
    stream.on('thinking', (delta) => (thinking += delta));
    stream.on('text', (delta) => (text += delta));
    const streamed = await stream.finalMessage();
    const created = await client.messages.create(params);
    expect(streamed.content).toEqual(created.content);
    expect(thinking).toBe((created.content[0] as Anthropic.ThinkingBlock).thinking);
    expect(text).toBe((created.content[1] as Anthropic.TextBlock).text);
    expect(streamed.usage).toEqual(created.usage);
  });

  it('runs a full tool_use / tool_result loop from a fixture', async () => {
    const client = anthropicClient(dialectApp({ fixtures: [anyDialectFixtures] }));
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'What time is it in Tokyo?' }];
    const first = await client.messages.stream({ model: 'kimi-k3', max_tokens: 2000, tools: [getTime], messages }).finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const call = first.content.find((block) => block.type === 'tool_use')!;
    expect(call).toMatchObject({ name: 'get_time', input: { city: 'Tokyo' } });
    messages.push({ role: 'assistant', content: first.content });
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '09:00' }] });
    const second = await client.messages.create({ model: 'kimi-k3', max_tokens: 2000, tools: [getTime], messages });
    expect(second.stop_reason).toBe('end_turn');
    expect(second.content.at(-1)).toEqual({ type: 'text', text: 'It is nine in the morning in Tokyo.' });
  });

  it('sees a 429 fault as RateLimitError with the Anthropic error body', async () => {
    const client = anthropicClient(dialectApp());
    const error = await client.messages
      .create({ model: 'kimi-k3', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] }, { headers: { 'x-mock-fault': '429' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).error).toEqual({
      type: 'error', error: { type: 'overloaded_error', message: 'The engine is currently overloaded, please try again later' },
    });
  });

  it('throws a mid-stream error event as an APIError carrying its type', async () => {
    const client = anthropicClient(dialectApp());
    const stream = client.messages.stream(
      { model: 'kimi-k3', max_tokens: 400, messages: [{ role: 'user', content: 'Hello there' }] },
      { headers: { 'x-mock-fault': 'error_event:4' } },
    );
    const error = await stream.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).type).toBe('api_error');
    expect((error as APIError).message).toContain('Internal server error');
  });

  it('authenticates with a Bearer token (authToken) as Claude Code does', async () => {
    const client = anthropicClient(dialectApp({ apiKeys: ['sk-cc'] }), { apiKey: null, authToken: 'sk-cc' });
    const message = await client.messages.create({ model: 'kimi-k3', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
    expect(message.role).toBe('assistant');
  });

  it('refuses an unknown key with AuthenticationError', async () => {
    const client = anthropicClient(dialectApp({ apiKeys: ['sk-good'] }), { apiKey: 'sk-bad' });
    const error = await client.messages.create({ model: 'kimi-k3', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).error).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'Invalid Authentication' } });
  });
});
