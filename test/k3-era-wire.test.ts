import { describe, expect, it } from 'vitest';
import { chat, hello, invalid, mockApp, plain, sseData } from './support/mock-app.ts';

const app = mockApp();
const stream = async (body: Record<string, unknown>, on = app) => sseData((await chat(on, { ...body, stream: true })).text).filter((e) => e !== '[DONE]');
const deltas = (events: any[]) => events.map((e) => e.choices[0]?.delta).filter(Boolean);
const weather = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

describe('K3-era streams', () => {
  it('end the reasoning with one empty reasoning_content delta before the content (generated reply)', async () => {
    const list = deltas(await stream({ model: 'kimi-k3', messages: hello, max_tokens: 200 }));
    const firstContent = list.findIndex((d) => d.content);
    expect(list[firstContent - 1]).toEqual({ reasoning_content: '' });
    expect(list.slice(1, firstContent - 1).every((d) => d.reasoning_content)).toBe(true);
    expect(list.filter((d) => d.reasoning_content === '')).toHaveLength(1);
  });

  it('end the reasoning with one empty reasoning_content delta before tool calls (scripted reply)', async () => {
    const scripted = mockApp({ fixtures: [{ reply: { reasoning_content: 'Call the tool.', tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] } }] });
    const list = deltas(await stream({ model: 'kimi-k2.7-code', messages: hello, tools: [weather] }, scripted));
    const firstCall = list.findIndex((d) => d.tool_calls);
    expect(list[firstCall - 1]).toEqual({ reasoning_content: '' });
    expect(list[firstCall - 2]).toEqual({ reasoning_content: ' tool.' });
  });

  it('send no reasoning deltas at all when the request does not think', async () => {
    expect(deltas(await stream({ ...plain, messages: hello })).some((d) => 'reasoning_content' in d)).toBe(false);
  });

  it('carry no system_fingerprint on kimi-k3, and one on kimi-k2.6', async () => {
    expect((await stream({ model: 'kimi-k3', messages: hello })).every((e) => !('system_fingerprint' in e))).toBe(true);
    expect((await stream({ ...plain, messages: hello })).every((e) => /^fpv0_[0-9a-f]{8}$/.test(e.system_fingerprint))).toBe(true);
  });
});

describe('logprobs', () => {
  it('answers choices[].logprobs.content with token, logprob, bytes and top_logprobs', async () => {
    const res = await chat(app, { ...plain, messages: hello, logprobs: true, top_logprobs: 3 });
    const { content } = res.json.choices[0].logprobs;
    expect(content.map((t: any) => t.token).join('')).toBe(res.json.choices[0].message.content);
    for (const entry of content) {
      expect(Object.keys(entry)).toEqual(['token', 'logprob', 'bytes', 'top_logprobs']);
      expect(entry.bytes).toEqual([...Buffer.from(entry.token)]);
      expect(entry.top_logprobs).toHaveLength(3);
      expect(entry.top_logprobs[0]).toEqual({ token: entry.token, logprob: entry.logprob, bytes: entry.bytes });
      const values = entry.top_logprobs.map((t: any) => t.logprob);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(Math.max(...values)).toBeLessThanOrEqual(0);
    }
  });

  it('gives the same numbers for the same seed and request', async () => {
    const body = { ...plain, messages: hello, logprobs: true, top_logprobs: 2 };
    expect((await chat(mockApp(), body)).json.choices[0].logprobs).toEqual((await chat(mockApp(), body)).json.choices[0].logprobs);
  });

  it('streams the same entries, on the content deltas', async () => {
    const body = { ...plain, messages: hello, logprobs: true, top_logprobs: 1 };
    const whole = (await chat(mockApp(), body)).json.choices[0].logprobs.content;
    const streamed = (await stream(body, mockApp())).flatMap((e) => e.choices[0]?.logprobs?.content ?? []);
    expect(streamed).toEqual(whole);
  });

  it('leaves logprobs out unless asked for', async () => {
    expect('logprobs' in (await chat(app, { ...plain, messages: hello })).json.choices[0]).toBe(false);
  });

  it('answers empty top_logprobs lists for logprobs without top_logprobs', async () => {
    const res = await chat(app, { ...plain, messages: hello, logprobs: true });
    expect(res.json.choices[0].logprobs.content[0].top_logprobs).toEqual([]);
  });

  it('refuses top_logprobs without logprobs: true with the live message', async () => {
    expect((await chat(app, { ...plain, messages: hello, top_logprobs: 2 })).json).toEqual(
      invalid('Invalid request: logprobs must be set to true if top_logprobs is used'),
    );
  });

  it('refuses top_logprobs above 20', async () => {
    expect((await chat(app, { ...plain, messages: hello, logprobs: true, top_logprobs: 21 })).json).toEqual(
      invalid('Invalid request: top_logprobs must be between 0 and 20, got 21'),
    );
  });
});

describe('dynamic tools', () => {
  const dynamic = [{ role: 'system', tools: [weather] }, { role: 'user', content: 'Weather in Paris?' }];

  it('accepts a content-less system message carrying tools on kimi-k3, and can call them', async () => {
    const res = await chat(app, { model: 'kimi-k3', messages: dynamic, tool_choice: 'required' });
    expect(res.status).toBe(200);
    expect(res.json.choices[0].message.tool_calls[0].function.name).toBe('get_weather');
  });

  it('counts the dynamic tools as prompt tokens', async () => {
    const without = await chat(app, { model: 'kimi-k3', messages: [{ role: 'system', content: 'x' }, dynamic[1]] });
    expect((await chat(app, { model: 'kimi-k3', messages: dynamic })).json.usage.prompt_tokens).toBeGreaterThan(without.json.usage.prompt_tokens + 10);
  });

  it('refuses it as an empty message on a model without dynamic tools', async () => {
    expect((await chat(app, { model: 'kimi-k2.6', messages: dynamic })).json).toEqual(
      invalid("Invalid request: the message at position 0 with role 'system' must not be empty"),
    );
  });
});
