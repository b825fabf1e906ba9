import { describe, expect, it } from 'vitest';
import { chat, hello, invalid, mockApp, plain } from './support/mock-app.ts';

const app = mockApp();

describe('chat completions: model and message rules', () => {
  it('answers 404 resource_not_found_error for an unknown model', async () => {
    const res = await chat(app, { model: 'definitely-not-a-real-moonshot-model', messages: hello });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      error: { message: 'Not found the model definitely-not-a-real-moonshot-model or Permission denied', type: 'resource_not_found_error' },
    });
  });

  it('answers the same 404 for a retired model', async () => {
    for (const model of ['kimi-latest', 'kimi-thinking-preview']) {
      const res = await chat(app, { model, messages: hello });
      expect(res.status).toBe(404);
      expect(res.json.error.message).toBe(`Not found the model ${model} or Permission denied`);
    }
  });

  it('rejects an empty messages list', async () => {
    const res = await chat(app, { ...plain, messages: [] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid('Invalid request: messages must not be empty'));
  });

  it('rejects a message with empty content, naming its position and role', async () => {
    const res = await chat(app, {
      ...plain,
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: '' }, { role: 'user', content: 'Again' }],
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid("Invalid request: the message at position 2 with role 'assistant' must not be empty"));
  });

  it('rejects missing content and an empty parts array', async () => {
    const missing = await chat(app, { ...plain, messages: [{ role: 'user' }] });
    expect(missing.json).toEqual(invalid("Invalid request: the message at position 0 with role 'user' must not be empty"));
    const empty = await chat(app, { ...plain, messages: [{ role: 'user', content: [] }] });
    expect(empty.json).toEqual(invalid("Invalid request: the message at position 0 with role 'user' must not be empty"));
  });

  it('accepts an assistant tool-call message with empty content', async () => {
    const res = await chat(app, {
      ...plain,
      messages: [
        ...hello,
        { role: 'assistant', content: '', tool_calls: [{ id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'get_weather_0', name: 'get_weather', content: 'sunny' },
      ],
    });
    expect(res.status).toBe(200);
  });

  it('rejects an unknown role with the live ROLE_UNSPECIFIED message', async () => {
    for (const role of ['developer', 'function', 'foo']) {
      const res = await chat(app, { ...plain, messages: [{ role, content: 'x' }] });
      expect(res.status).toBe(400);
      expect(res.json).toEqual(invalid('invalid request: unsupported role ROLE_UNSPECIFIED'));
    }
  });

  it('rejects a tool result whose tool_call_id answers no earlier call', async () => {
    const res = await chat(app, {
      ...plain,
      messages: [...hello, { role: 'tool', tool_call_id: 'nope_0', content: 'sunny' }],
    });
    expect(res.json).toEqual(invalid('Invalid request: tool_call_id nope_0 is not found'));
  });

  it('requires reasoning_content on assistant tool-call messages while thinking, naming the index', async () => {
    const call = { id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '{}' } };
    const messages = [...hello, { role: 'assistant', content: '', tool_calls: [call] }, { role: 'tool', tool_call_id: 'get_weather_0', content: 'sunny' }];
    const res = await chat(app, { model: 'kimi-k2.6', messages });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid('thinking is enabled but reasoning_content is missing in assistant tool call message at index 1'));
    const off = await chat(app, { model: 'kimi-k2.6', messages, thinking: { type: 'disabled' } });
    expect(off.status).toBe(200);
    messages[1] = { ...messages[1]!, reasoning_content: 'Need the weather.' } as never;
    const withReasoning = await chat(app, { model: 'kimi-k2.6', messages });
    expect(withReasoning.status).toBe(200);
  });

  it('allows partial only on the last message, with role assistant', async () => {
    const notLast = await chat(app, {
      ...plain,
      messages: [{ role: 'assistant', content: 'Hi', partial: true }, { role: 'user', content: 'Go on' }],
    });
    expect(notLast.json).toEqual(
      invalid("Invalid request: the message at position 0 with role 'assistant' cannot be partial: only the last message, with role assistant, can be partial"),
    );
    const notAssistant = await chat(app, { ...plain, messages: [{ role: 'user', content: 'Hi', partial: true }] });
    expect(notAssistant.status).toBe(400);
    const ok = await chat(app, { ...plain, messages: [...hello, { role: 'assistant', content: '', name: 'Dr. Kelsier', partial: true }] });
    expect(ok.status).toBe(200);
  });

  it('names the field and its JSON type when a field has the wrong type', async () => {
    const res = await chat(app, { ...plain, messages: [{ role: 'user', content: { text: 'hi' } }] });
    expect(res.json).toEqual(
      invalid('Invalid request: the `messages.content` field in the request (expected type []object) is illegal, and object is not acceptable'),
    );
    const temp = await chat(app, { ...plain, messages: hello, temperature: '0.3' });
    expect(temp.json).toEqual(
      invalid('Invalid request: the `temperature` field in the request (expected type float64) is illegal, and string is not acceptable'),
    );
  });

  it('ignores unknown top-level fields', async () => {
    const res = await chat(app, { ...plain, messages: hello, reasoning_history: 'x', user: 'u-1' });
    expect(res.status).toBe(200);
  });
});
