import { describe, expect, it } from 'vitest';
import { createVirtualClock, type Clock } from '../src/clock.ts';
import { chat, hello, mockApp, sseData, plain } from './support/mock-app.ts';

const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };
const content = 'It is sunny in Paris today.';

/** A virtual clock that also records every sleep, so pacing is observable without waiting. */
function recordingClock(): Clock & { sleeps: number[] } {
  const inner = createVirtualClock(0);
  const sleeps: number[] = [];
  return { sleeps, now: () => inner.now(), sleep: (ms, signal) => (sleeps.push(ms), inner.sleep(ms, signal)) };
}

async function streamWith(stream: Record<string, unknown>, reply: Record<string, unknown> = { content }, body: Record<string, unknown> = {}) {
  const clock = recordingClock();
  const app = mockApp({ clock, fixtures: [{ reply, stream }] });
  const res = await chat(app, { ...plain, messages: hello, stream: true, ...body });
  const events = sseData(res.text).filter((e) => e !== '[DONE]');
  const deltas = events.flatMap((e) => e.choices.map((c: any) => c.delta));
  return { text: res.text, clock, deltas, contentDeltas: deltas.filter((d) => 'content' in d && !d.role).map((d) => d.content) };
}

describe('scripted streams', () => {
  it('streams one word piece per delta by default, assembling the fixture text', async () => {
    const { contentDeltas } = await streamWith({});
    expect(contentDeltas).toEqual(['It', ' is', ' sunny', ' in', ' Paris', ' today.']);
  });

  it('groups tokensPerDelta pieces per delta', async () => {
    const { contentDeltas } = await streamWith({ tokensPerDelta: 4 });
    expect(contentDeltas).toEqual(['It is sunny in', ' Paris today.']);
  });

  it('waits ttftMs before the first delta and paces the rest at tokensPerSecond, on the injected clock', async () => {
    const { clock } = await streamWith({ ttftMs: 300, tokensPerSecond: 20, tokensPerDelta: 2 });
    expect(clock.sleeps).toEqual([300, 100, 100]);
    expect(clock.now()).toBe(500);
  });

  it('sends 1-character deltas with the char-slices profile', async () => {
    const { contentDeltas } = await streamWith({ profile: 'char-slices' });
    expect(contentDeltas.every((d: string) => d.length === 1)).toBe(true);
    expect(contentDeltas.join('')).toBe(content);
  });

  it('writes keep-alive comment lines with the keep-alive profile, which SSE clients skip', async () => {
    const { text, contentDeltas } = await streamWith({ profile: 'keep-alive' });
    expect(text.startsWith(': keep-alive\n\ndata: ')).toBe(true);
    expect(text.match(/^: keep-alive$/gm)!.length).toBeGreaterThan(contentDeltas.length);
    expect(contentDeltas.join('')).toBe(content);
  });

  it('sends an empty reasoning_content delta after the role chunk with the empty-reasoning profile', async () => {
    const clock = recordingClock();
    const app = mockApp({ clock, fixtures: [{ reply: { content: 'ok', reasoning_content: 'because' }, stream: { profile: 'empty-reasoning' } }] });
    const events = sseData((await chat(app, { model: 'kimi-k2.6', messages: hello, stream: true })).text);
    expect(events.slice(0, 3).map((e) => e.choices[0].delta)).toEqual([{ role: 'assistant', content: '' }, { reasoning_content: '' }, { reasoning_content: 'because' }]);
  });

  it('splits tool-call arguments across deltas by default, and sends each call whole with tool-call-whole', async () => {
    const reply = { tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }, { name: 'get_weather', arguments: { city: 'Rome' } }] };
    const body = { tools: [weatherTool] };
    const split = (await streamWith({}, reply, body)).deltas.filter((d) => d.tool_calls);
    expect(split[0].tool_calls[0]).toEqual({ index: 0, id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(split.filter((d) => d.tool_calls[0].index === 0).map((d) => d.tool_calls[0].function.arguments).join('')).toBe('{"city":"Paris"}');
    expect(split.filter((d) => d.tool_calls[0].index === 1)[0].tool_calls[0].id).toBe('get_weather_1');
    const whole = (await streamWith({ profile: 'tool-call-whole' }, reply, body)).deltas.filter((d) => d.tool_calls);
    expect(whole.map((d) => d.tool_calls[0])).toEqual([
      { index: 0, id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { index: 1, id: 'get_weather_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
    ]);
  });

  it('combines profiles and still ends with usage and [DONE]', async () => {
    const { text, contentDeltas } = await streamWith({ profile: ['char-slices', 'keep-alive'] }, { content }, { stream_options: { include_usage: true } });
    expect(contentDeltas.join('')).toBe(content);
    const data = sseData(text);
    expect(data.at(-1)).toBe('[DONE]');
    expect(data.at(-2).choices).toEqual([]);
  });
});
