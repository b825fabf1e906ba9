import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { chat, mockApp } from './support/mock-app.ts';

const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const app = mockApp({ fixtures: [dir] });
const user = (content: string) => [{ role: 'user', content }];
const tool = (name: string) => ({ type: 'function', function: { name, parameters: { type: 'object', properties: { city: { type: 'string' } } } } });
const answer = async (body: Record<string, unknown>) => (await chat(app, { model: 'moonshot-v1-8k', ...body })).json;

// Each test starts from a fresh run (sequences, fault windows), whatever ran before it.
beforeEach(async () => {
  await app.request('/_mock/reset', { method: 'POST', headers: { 'content-type': 'application/json' } });
});

describe('the example fixtures in fixtures/', () => {
  it('all reference the JSON Schema', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      expect(text, file).toContain('$schema: ./moonshot-mock.schema.json');
    }
  });

  it('greet', async () => {
    expect((await answer({ messages: user('Hello there') })).choices[0].message.content).toMatch(/^Hello! I am Kimi/);
  });

  it('run the weather tool loop', async () => {
    const messages: any[] = user("What's the weather in Paris?");
    const first = await answer({ model: 'kimi-k2.5', messages, tools: [tool('get_weather')] });
    expect(first.choices[0].message.tool_calls[0].function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' });
    messages.push(first.choices[0].message, { role: 'tool', tool_call_id: 'get_weather_0', content: 'sunny' });
    const second = await answer({ model: 'kimi-k2.5', messages, tools: [tool('get_weather')] });
    expect(second.choices[0].message).toMatchObject({ content: 'It is sunny in Paris.', reasoning_content: 'The tool says it is sunny.' });
  });

  it('make parallel tool calls with captured arguments', async () => {
    const res = await answer({ messages: user('Please compare the forecast for Oslo and Lima'), tools: [tool('get_forecast')] });
    expect(res.choices[0].message.tool_calls.map((c: any) => [c.id, c.function.arguments])).toEqual([
      ['get_forecast_0', '{"city":"Oslo"}'],
      ['get_forecast_1', '{"city":"Lima"}'],
    ]);
  });

  it('reason on a thinking model', async () => {
    const res = await answer({ model: 'kimi-k2-thinking', messages: user('Is 91 prime?') });
    expect(res.choices[0].message).toEqual({ role: 'assistant', content: 'No. 91 = 7 × 13.', reasoning_content: expect.stringContaining('7 × 13') });
  });

  it('play a sequence and cycle', async () => {
    const steps: string[] = [];
    for (let i = 0; i < 4; i++) steps.push((await answer({ messages: user('Tell me the next step') })).choices[0].message.content);
    expect(steps.map((s) => s.slice(0, 6))).toEqual(['Step 1', 'Step 2', 'Step 3', 'Step 1']);
  });

  it('answer JSON mode with valid JSON', async () => {
    const res = await answer({ messages: user('What is the capital of France? Answer in JSON.'), response_format: { type: 'json_object' } });
    expect(JSON.parse(res.choices[0].message.content)).toEqual({ country: 'France', capital: 'Paris' });
  });

  it('continue a partial prefix', async () => {
    const res = await answer({ messages: [...user('Write add() in Python'), { role: 'assistant', content: '```python\n', partial: true }] });
    expect(res.choices[0].message.content).toBe('def add(a, b):\n    return a + b\n```');
  });
});
