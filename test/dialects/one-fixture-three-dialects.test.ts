import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { sdkClient } from '../support/sdk-client.ts';
import { anthropicClient, anyDialectFixtures, dialectApp } from '../support/dialects.ts';

const parameters = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const question = 'What time is it in Tokyo?';
const answer = 'It is nine in the morning in Tokyo.';

/** One app for the three dialects: a conversation in each is driven by the same fixture file. */
const app = dialectApp({ fixtures: [anyDialectFixtures] });

describe('one fixture file, three dialects', () => {
  it('drives the tool loop on /v1/chat/completions', async () => {
    const client = sdkClient(app);
    const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'get_time', parameters } }];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: question }];
    const first = await client.chat.completions.create({ model: 'kimi-k3', messages, tools });
    const call = first.choices[0]!.message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.function).toEqual({ name: 'get_time', arguments: '{"city":"Tokyo"}' });
    messages.push(first.choices[0]!.message, { role: 'tool', tool_call_id: call.id, content: '09:00' });
    const second = await client.chat.completions.create({ model: 'kimi-k3', messages, tools });
    expect(second.choices[0]!.message.content).toBe(answer);
  });

  it('drives the same loop on /anthropic/v1/messages', async () => {
    const client = anthropicClient(app);
    const tools: Anthropic.Tool[] = [{ name: 'get_time', input_schema: parameters as Anthropic.Tool.InputSchema }];
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: question }];
    const first = await client.messages.create({ model: 'kimi-k3', max_tokens: 2000, messages, tools });
    const call = first.content.find((block) => block.type === 'tool_use')!;
    expect([call.name, call.input]).toEqual(['get_time', { city: 'Tokyo' }]);
    messages.push({ role: 'assistant', content: first.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '09:00' }] });
    const second = await client.messages.create({ model: 'kimi-k3', max_tokens: 2000, messages, tools });
    expect(second.content.at(-1)).toEqual({ type: 'text', text: answer });
  });

  it('drives the same loop on /v1/responses', async () => {
    const client = sdkClient(app);
    const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'get_time', parameters, strict: false }];
    const input: OpenAI.Responses.ResponseInput = [{ role: 'user', content: question }];
    const first = await client.responses.create({ model: 'kimi-k3', input, tools });
    const call = first.output.find((item) => item.type === 'function_call')!;
    expect([call.name, call.arguments]).toEqual(['get_time', '{"city":"Tokyo"}']);
    input.push(...(first.output as OpenAI.Responses.ResponseInputItem[]), { type: 'function_call_output', call_id: call.call_id, output: '09:00' });
    const second = await client.responses.create({ model: 'kimi-k3', input, tools });
    expect(second.output_text).toBe(answer);
  });

});
