import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../src/catalog/catalog.ts';
import { chat, mockApp } from './support/mock-app.ts';

const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const app = mockApp({ fixtures: [dir] });
const user = (content: string) => [{ role: 'user', content }];
const tool = (name: string) => ({ type: 'function', function: { name, parameters: { type: 'object', properties: { city: { type: 'string' } } } } });
/** Every model a client can use today, each asked as its users ask it (kimi-k2.6 also with thinking off). */
const today = createCatalog().listed.map((model) => model.id);
const variants = [...today.map((model) => ({ model })), { model: 'kimi-k2.6', thinking: { type: 'disabled' } }];
const answer = async (model: object, body: Record<string, unknown>) => {
  const res = await chat(app, { ...model, ...body });
  expect(res.status, res.text).toBe(200);
  return res.json;
};
/** Models named by `match.model` conditions of the example files. */
const named = readdirSync(dir).filter((f) => f.endsWith('.yaml')).flatMap((file) => {
  const { fixtures } = parseYaml(readFileSync(`${dir}${file}`, 'utf8')) as { fixtures: Array<{ match?: { model?: string | string[] } }> };
  return fixtures.flatMap((f) => [f.match?.model ?? []].flat());
});

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

  it('name only models that answer today', () => {
    expect(named.length).toBeGreaterThan(0);
    for (const model of named) expect(today, model).toContain(model);
  });

  describe.each(variants)('on %j', (model) => {
    const thinks = !('thinking' in model);

    it('greet', async () => {
      expect((await answer(model, { messages: user('Hello there') })).choices[0].message.content).toMatch(/^Hello! I am Kimi/);
    });

    it('run the weather tool loop', async () => {
      const messages: any[] = user("What's the weather in Paris?");
      const first = await answer(model, { messages, tools: [tool('get_weather')] });
      expect(first.choices[0].message.tool_calls[0].function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' });
      expect(first.choices[0].message.reasoning_content !== undefined).toBe(thinks);
      messages.push(first.choices[0].message, { role: 'tool', tool_call_id: 'get_weather_0', content: 'sunny' });
      const second = await answer(model, { messages, tools: [tool('get_weather')] });
      expect(second.choices[0].message.content).toBe('It is sunny in Paris.');
      expect(second.choices[0].message.reasoning_content).toBe(thinks ? 'The tool says it is sunny.' : undefined);
    });

    it('make parallel tool calls with captured arguments', async () => {
      const res = await answer(model, { messages: user('Please compare the forecast for Oslo and Lima'), tools: [tool('get_forecast')] });
      expect(res.choices[0].message.tool_calls.map((c: any) => [c.id, c.function.arguments])).toEqual([
        ['get_forecast_0', '{"city":"Oslo"}'],
        ['get_forecast_1', '{"city":"Lima"}'],
      ]);
    });

    it('reason when the model thinks', async () => {
      const res = await chat(app, { ...model, messages: user('Is 91 prime?') });
      if (!thinks) return expect(res.json.error.type).toBe('fixture_unmatched_error');
      expect(res.json.choices[0].message).toEqual({ role: 'assistant', content: 'No. 91 = 7 × 13.', reasoning_content: expect.stringContaining('7 × 13') });
    });

    it('play a sequence', async () => {
      const first = await answer(model, { messages: user('Tell me the next step') });
      expect(first.choices[0].message.content).toMatch(/^Step \d/);
    });

    it('answer JSON mode with valid JSON', async () => {
      const res = await answer(model, { messages: user('What is the capital of France? Answer in JSON.'), response_format: { type: 'json_object' } });
      expect(JSON.parse(res.choices[0].message.content)).toEqual({ country: 'France', capital: 'Paris' });
    });

    it('continue a partial prefix', async () => {
      const res = await answer(model, { messages: [...user('Write add() in Python'), { role: 'assistant', content: '```python\n', partial: true }] });
      expect(res.choices[0].message.content).toBe('def add(a, b):\n    return a + b\n```');
    });
  });

  it('cycle a sequence after its last reply', async () => {
    const fresh = mockApp({ fixtures: [dir] });
    const steps: string[] = [];
    for (let i = 0; i < 4; i++) steps.push((await chat(fresh, { model: 'kimi-k3', messages: user('Tell me the next step') })).json.choices[0].message.content);
    expect(steps.map((s) => s.slice(0, 6))).toEqual(['Step 1', 'Step 2', 'Step 3', 'Step 1']);
  });
});
