import { describe, expect, it } from 'vitest';
import { chat, hello, invalid, mockApp, plain } from './support/mock-app.ts';

const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };
const call = { id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };
const loopFixtures = [
  { name: 'weather-call', match: { user: 'weather in Paris' }, reply: { tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] } },
  { name: 'weather-answer', match: { toolResult: { name: 'get_weather' } }, reply: { content: 'It is sunny in Paris.' } },
];

describe('scripted replies', () => {
  it('answers with the fixture reply and counts its usage', async () => {
    const app = mockApp({ fixtures: [{ match: { user: 'Hello' }, reply: { content: 'Hi there!' } }] });
    const res = await chat(app, { ...plain, messages: hello });
    expect(res.json.choices).toEqual([{ index: 0, message: { role: 'assistant', content: 'Hi there!' }, finish_reason: 'stop' }]);
    expect(res.json.usage.completion_tokens).toBe(3);
  });

  it('runs a tool loop without re-firing the tool-call fixture on the tool result', async () => {
    const app = mockApp({ fixtures: loopFixtures });
    const messages: any[] = [{ role: 'user', content: "What's the weather in Paris?" }];
    const first = await chat(app, { ...plain, messages, tools: [weatherTool] });
    expect(first.json.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { content: '', tool_calls: [call] } });
    messages.push(first.json.choices[0].message, { role: 'tool', tool_call_id: 'get_weather_0', content: 'sunny' });
    const second = await chat(app, { ...plain, messages, tools: [weatherTool] });
    expect(second.json.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'It is sunny in Paris.' } });
  });

  it('numbers tool-call ids across the conversation, like the live API', async () => {
    const app = mockApp({ fixtures: [{ match: { lastRole: 'tool' }, reply: { tool_calls: [{ name: 'get_weather', arguments: '{"city":"Rome"}' }] } }] });
    const messages = [...hello, { role: 'assistant', content: '', tool_calls: [call] }, { role: 'tool', tool_call_id: 'get_weather_0', content: 'sunny' }];
    const res = await chat(app, { ...plain, messages, tools: [weatherTool] });
    expect(res.json.choices[0].message.tool_calls[0]).toMatchObject({ id: 'get_weather_1', function: { arguments: '{"city":"Rome"}' } });
  });

  it('serves a sequence, then repeats, cycles or falls through', async () => {
    const replies = [{ content: 'one' }, { content: 'two' }];
    const run = async (afterLast: string) => {
      const app = mockApp({ fixtures: [{ match: { user: 'Hello' }, replies, afterLast }, { name: 'later', reply: { content: 'later' } }] });
      const out: string[] = [];
      for (let i = 0; i < 4; i++) out.push((await chat(app, { ...plain, messages: hello })).json.choices[0].message.content);
      return out;
    };
    expect(await run('repeat')).toEqual(['one', 'two', 'two', 'two']);
    expect(await run('cycle')).toEqual(['one', 'two', 'one', 'two']);
    expect(await run('fallthrough')).toEqual(['one', 'two', 'later', 'later']);
  });

  it('lets priority override load order', async () => {
    const app = mockApp({ fixtures: [{ reply: { content: 'first' } }, { priority: 5, reply: { content: 'urgent' } }] });
    expect((await chat(app, { ...plain, messages: hello })).json.choices[0].message.content).toBe('urgent');
  });

  it('fills regex captures into the reply', async () => {
    const app = mockApp({ fixtures: [{ match: { user: { regex: 'weather like in (?<city>\\w+)' } }, reply: { content: 'It rains in $<city>.' } }] });
    expect((await chat(app, { ...plain, messages: hello })).json.choices[0].message.content).toBe('It rains in Paris.');
  });

  it('honours usage overrides, including a declared cache hit', async () => {
    const app = mockApp({ fixtures: [{ reply: { content: 'cached', reasoning_content: 'r', usage: { prompt_tokens: 18, cached_tokens: 6, reasoning_tokens: 1 } } }] });
    const res = await chat(app, { model: 'kimi-k2.6', messages: hello });
    expect(res.json.usage).toEqual({
      prompt_tokens: 18, completion_tokens: 2, total_tokens: 20, cached_tokens: 6,
      completion_tokens_details: { reasoning_tokens: 1 }, prompt_tokens_details: { cached_tokens: 6 },
    });
  });

  it('scripts each choice of an n > 1 request', async () => {
    // Today's models all fix n at 1; a model added through the config keeps the open range 1..5.
    const app = mockApp({ models: [{ id: 'acme-open', context_length: 8192 }], fixtures: [{ reply: { choices: [{ content: 'A' }, { content: 'B' }] } }] });
    const res = await chat(app, { model: 'acme-open', messages: hello, n: 3, temperature: 0.5 });
    expect(res.json.choices.map((c: any) => c.message.content)).toEqual(['A', 'B', 'B']);
  });

  it('cuts a scripted reply at max_tokens with finish_reason length', async () => {
    const app = mockApp({ fixtures: [{ reply: { content: 'one two three four five six seven eight' } }] });
    const res = await chat(app, { ...plain, messages: hello, max_tokens: 3 });
    expect(res.json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'one two three' } });
  });

  it('gives thinking requests generated reasoning_content when the fixture has none', async () => {
    const app = mockApp({ fixtures: [{ reply: { content: 'Hi' } }] });
    const res = await chat(app, { model: 'kimi-k2.6', messages: hello });
    expect(res.json.choices[0].message).toEqual({ role: 'assistant', content: 'Hi', reasoning_content: expect.stringMatching(/^The user wrote ".+"\./) });
    expect(res.json.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });
});

describe('fixtures and what the request allows', () => {
  it('serves a reply with reasoning_content without the reasoning when the request does not think', async () => {
    const app = mockApp({ fixtures: [{ name: 'thinker', reply: { content: 'x', reasoning_content: 'hmm' } }] });
    const res = await chat(app, { ...plain, messages: hello });
    expect(res.status).toBe(200);
    expect(res.json.choices[0].message).toEqual({ role: 'assistant', content: 'x' });
    expect(res.json.usage.completion_tokens_details).toBeUndefined();
  });

  it('serves the same fixture with its reasoning when the request thinks', async () => {
    const app = mockApp({ fixtures: [{ name: 'thinker', reply: { content: 'x', reasoning_content: 'hmm' } }] });
    const res = await chat(app, { model: 'kimi-k2.6', messages: hello });
    expect(res.json.choices[0].message).toEqual({ role: 'assistant', content: 'x', reasoning_content: 'hmm' });
  });

  it('refuses a call to a tool the request does not declare', async () => {
    const app = mockApp({ fixtures: [{ name: 'caller', reply: { tool_calls: [{ name: 'get_time' }] } }] });
    const res = await chat(app, { ...plain, messages: hello, tools: [weatherTool] });
    expect(res.json.error.message).toContain('it calls tool get_time, which the request does not declare');
  });
});

describe('unmatched requests', () => {
  it('answer with an error naming the closest fixtures when fixtures are loaded', async () => {
    const app = mockApp({ fixtures: loopFixtures });
    const res = await chat(app, { ...plain, messages: [{ role: 'user', content: 'weather in London?' }] });
    expect(res.status).toBe(400);
    expect(res.json.error.type).toBe('fixture_unmatched_error');
    expect(res.json.error.message).toContain('"weather-call" (failed user: does not contain "weather in Paris")');
    expect(res.json.error.message).toContain('"weather-answer"');
  });

  it('are generated with --unmatched generate, and by default when no fixtures are loaded', async () => {
    const generate = mockApp({ fixtures: loopFixtures, unmatched: 'generate' });
    expect((await chat(generate, { ...plain, messages: hello })).status).toBe(200);
    expect((await chat(mockApp(), { ...plain, messages: hello })).status).toBe(200);
  });

  it('answer with an error in error mode even with no fixtures loaded', async () => {
    const res = await chat(mockApp({ unmatched: 'error' }), { ...plain, messages: hello });
    expect(res.json.error.message).toMatch(/^moonshot-mock: no fixture/);
  });

  it('still get the validation errors of the real API first', async () => {
    const res = await chat(mockApp({ fixtures: loopFixtures }), { ...plain, messages: [] });
    expect(res.json).toEqual(invalid('Invalid request: messages must not be empty'));
  });
});
