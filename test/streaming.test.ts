import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chat, hello, mockApp, sseData, plain } from './support/mock-app.ts';

const app = mockApp();
const recording = (name: string) => sseData(readFileSync(new URL(`./wire/${name}`, import.meta.url), 'utf8'));

/** The structure of a chunk: its keys at every level, values dropped. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}
/** Chunk kinds in order, collapsing runs: role, reasoning, content, tool-call start/args, final, usage, [DONE]. */
function kinds(events: any[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const choice = e === '[DONE]' ? undefined : e.choices[0];
    const kind = e === '[DONE]' ? 'done'
      : !choice ? 'usage'
      : choice.finish_reason ? 'final'
      : choice.delta.role ? 'role'
      : 'reasoning_content' in choice.delta ? 'reasoning'
      : choice.delta.tool_calls ? (choice.delta.tool_calls[0].id ? 'tool-start' : 'tool-args')
      : 'content';
    if (out.at(-1) !== kind || kind === 'tool-start') out.push(kind);
  }
  return out;
}

describe('streaming (A4/B3)', () => {
  it('matches the live moonshot-v1 text stream chunk for chunk in structure', async () => {
    const res = await chat(app, { ...plain, messages: hello, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseData(res.text);
    const live = recording('v1-8k-stream-text.sse');
    expect(kinds(events)).toEqual(kinds(live));
    expect(events.slice(0, 2).map(shape)).toEqual(live.slice(0, 2).map(shape));
    expect(events.slice(-3).map(shape)).toEqual(live.slice(-3).map(shape));
    expect(res.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('matches the live kimi-k2.6 tool-call stream in structure', async () => {
    const tools = [{ type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }];
    const res = await chat(app, {
      model: 'kimi-k2.6', thinking: { type: 'disabled' }, messages: hello, tools, tool_choice: { type: 'function', function: { name: 'weather' } },
      stream: true, stream_options: { include_usage: true },
    });
    const events = sseData(res.text);
    const live = recording('k2.5-stream-tool-call.sse').filter((e) => e === '[DONE]' || !('reasoning_content' in (e.choices[0]?.delta ?? {})));
    expect(kinds(events)).toEqual(kinds(live));
    const start = events.find((e) => e !== '[DONE]' && e.choices[0]?.delta.tool_calls?.[0].id);
    expect(shape(start)).toEqual(shape(live.find((e) => e !== '[DONE]' && e.choices[0]?.delta.tool_calls?.[0].id)));
  });

  it('sends reasoning deltas before content for thinking models, with reasoning_tokens in usage', async () => {
    const res = await chat(app, { model: 'kimi-k2.6', messages: hello, stream: true });
    const events = sseData(res.text);
    expect(kinds(events)).toEqual(['role', 'reasoning', 'content', 'final', 'done']);
    expect(events.at(-2).choices[0].usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('puts usage inside the final choice and nowhere on intermediate chunks', async () => {
    const events = sseData((await chat(app, { ...plain, messages: hello, stream: true })).text);
    const chunks = events.filter((e) => e !== '[DONE]');
    const final = chunks.at(-1);
    expect(final.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop', usage: expect.any(Object) });
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk).not.toHaveProperty('usage');
      expect(chunk.choices[0]).not.toHaveProperty('usage');
    }
    expect(chunks.every((c) => c.id === final.id && c.created === final.created)).toBe(true);
  });

  it('adds the choices:[] usage chunk only with stream_options.include_usage', async () => {
    const without = sseData((await chat(app, { ...plain, messages: hello, stream: true })).text);
    expect(without.some((e) => e !== '[DONE]' && e.choices.length === 0)).toBe(false);
    const withUsage = sseData((await chat(app, { ...plain, messages: hello, stream: true, stream_options: { include_usage: true } })).text);
    const usageChunk = withUsage.at(-2);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toEqual(withUsage.at(-3).choices[0].usage);
    expect(usageChunk).not.toHaveProperty('system_fingerprint');
  });

  it('streams the same text, reasoning and usage as the non-stream reply', async () => {
    for (const body of [
      { model: 'kimi-k2.6', messages: hello, max_tokens: 40 },
      { model: 'kimi-k3', messages: hello, max_tokens: 60 },
      { model: 'acme-open', messages: hello, n: 2, temperature: 0.5, stop: ['plan'] },
    ]) {
      // acme-open: a model added through the config, with the open n range today's models lack.
      const make = () => mockApp({ models: [{ id: 'acme-open', context_length: 8192 }] });
      const whole = (await chat(make(), body)).json;
      const events = sseData((await chat(make(), { ...body, stream: true, stream_options: { include_usage: true } })).text);
      const chunks = events.filter((e) => e !== '[DONE]' && e.choices.length > 0);
      whole.choices.forEach((choice: any) => {
        const mine = chunks.filter((c) => c.choices[0].index === choice.index);
        expect(mine.map((c) => c.choices[0].delta.content ?? '').join('')).toBe(choice.message.content);
        expect(mine.map((c) => c.choices[0].delta.reasoning_content ?? '').join('')).toBe(choice.message.reasoning_content ?? '');
        expect(mine.at(-1).choices[0].finish_reason).toBe(choice.finish_reason);
      });
      expect(events.at(-2).usage).toEqual(whole.usage);
      expect(events.at(-2).id).toBe(whole.id);
    }
  });
});
