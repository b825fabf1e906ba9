import { describe, expect, it } from 'vitest';
import { chat, hello, invalid, mockApp, plain } from './support/mock-app.ts';

const app = mockApp();
const tool = (name: string) => ({
  type: 'function',
  function: { name, description: 'Look it up', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
});

describe('chat completions: tool rules', () => {
  it('allows 128 tools and rejects 129', async () => {
    const tools = Array.from({ length: 129 }, (_, i) => tool(`tool_${i}`));
    expect((await chat(app, { ...plain, messages: hello, tools: tools.slice(0, 128) })).status).toBe(200);
    const res = await chat(app, { ...plain, messages: hello, tools });
    expect(res.json).toEqual(invalid('Invalid request: too many tools: at most 128 are allowed, got 129'));
  });

  it.each(['9lives', 'ab', 'has space', 'dot.name', 'x'.repeat(65)])('rejects the function name %j', async (name) => {
    const res = await chat(app, { ...plain, messages: hello, tools: [tool(name)] });
    expect(res.json).toEqual(
      invalid('Invalid request: function name is invalid, must start with a letter and can contain letters, numbers, underscores, and dashes'),
    );
  });

  it('accepts builtin $web_search and names with dashes and underscores', async () => {
    const tools = [tool('get-weather_v2'), { type: 'builtin_function', function: { name: '$web_search' } }];
    expect((await chat(app, { ...plain, messages: hello, tools })).status).toBe(200);
  });

  it('rejects duplicate function names', async () => {
    const res = await chat(app, { ...plain, messages: hello, tools: [tool('get_weather'), tool('get_weather')] });
    expect(res.json).toEqual(invalid('Invalid request: function name get_weather is duplicated'));
  });

  it("rejects tool_choice 'required' and a named choice while thinking", async () => {
    const tools = [tool('get_weather')];
    const required = await chat(app, { model: 'kimi-k2.6', messages: hello, tools, tool_choice: 'required' });
    expect(required.json).toEqual(invalid("tool_choice 'required' is incompatible with thinking enabled"));
    const named = await chat(app, {
      model: 'kimi-k2.7-code', messages: hello, tools, tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(named.json).toEqual(invalid("tool_choice 'specified' is incompatible with thinking enabled"));
    const auto = await chat(app, { model: 'kimi-k2.6', messages: hello, tools, tool_choice: 'auto' });
    expect(auto.status).toBe(200);
  });

  it('calls the named tool when thinking is off', async () => {
    const res = await chat(app, {
      model: 'kimi-k2.6', thinking: { type: 'disabled' }, messages: hello, tools: [tool('get_weather')],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(res.status).toBe(200);
    const choice = res.json.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe('');
    expect(choice.message.tool_calls).toEqual([
      { index: 0, id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: expect.any(String) } },
    ]);
    expect(JSON.parse(choice.message.tool_calls[0].function.arguments)).toEqual({ city: expect.any(String) });
  });

  it('rejects a named tool_choice that is not declared', async () => {
    const res = await chat(app, {
      ...plain, messages: hello, tools: [tool('get_weather')],
      tool_choice: { type: 'function', function: { name: 'get_time' } },
    });
    expect(res.json).toEqual(invalid('Invalid request: tool_choice names function get_time, which is not in tools'));
  });
});
