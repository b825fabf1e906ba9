import { describe, expect, it } from 'vitest';
import { chat, hello, mockApp, sseData } from './support/mock-app.ts';

const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

async function deltasOf(reply: Record<string, unknown>, body: Record<string, unknown> = {}) {
  const app = mockApp({ fixtures: [{ reply }] });
  const res = await chat(app, { model: 'kimi-k2.6', messages: hello, stream: true, ...body });
  expect(res.status).toBe(200);
  return sseData(res.text).filter((e) => e !== '[DONE]').flatMap((e) => e.choices.map((c: any) => c.delta));
}

describe('recorded stream deltas in fixtures', () => {
  it('streams a content list one recorded delta per chunk', async () => {
    const deltas = await deltasOf({ content: ['It is sun', 'ny in Par', 'is.'], reasoning_content: 'x' });
    expect(deltas.filter((d) => 'content' in d && !d.role).map((d) => d.content)).toEqual(['It is sun', 'ny in Par', 'is.']);
  });

  it('streams a reasoning list as recorded, empty deltas included', async () => {
    const deltas = await deltasOf({ content: 'ok', reasoning_content: ['', 'The user', ' asks.'] });
    expect(deltas.filter((d) => 'reasoning_content' in d).map((d) => d.reasoning_content)).toEqual(['', 'The user', ' asks.']);
  });

  it('streams recorded tool-call argument deltas, the first with the id and name', async () => {
    const deltas = await deltasOf(
      { reasoning_content: 'r', tool_calls: [{ id: 'get_weather_0', name: 'get_weather', arguments: ['', '{"city": ', '"Paris"}'] }] },
      { tools: [weatherTool] },
    );
    const calls = deltas.filter((d) => d.tool_calls).map((d) => d.tool_calls[0]);
    expect(calls).toEqual([
      { index: 0, id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 0, function: { arguments: '{"city": ' } },
      { index: 0, function: { arguments: '"Paris"}' } },
    ]);
  });

  it('joins the recorded deltas in a non-stream answer', async () => {
    const app = mockApp({ fixtures: [{ reply: { content: ['Hel', 'lo'], reasoning_content: ['a', 'b'] } }] });
    const res = await chat(app, { model: 'kimi-k2.6', messages: hello });
    expect(res.json.choices[0].message).toMatchObject({ content: 'Hello', reasoning_content: 'ab' });
  });

  it('falls back to the usual split when max_tokens cuts the recorded text', async () => {
    const deltas = await deltasOf({ content: ['one two three four five six seven'], reasoning_content: ['r'] }, { max_tokens: 4 });
    const content = deltas.filter((d) => 'content' in d && !d.role).map((d) => d.content);
    expect(content.join('')).not.toBe('one two three four five six seven');
    expect(content.length).toBeGreaterThan(0);
  });
});
