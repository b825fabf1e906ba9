import { describe, expect, it } from 'vitest';
import { createTokenCounter } from '../src/tokens/token-counter.ts';
import { chat, hello, mockApp, postJson, plain } from './support/mock-app.ts';

const app = mockApp();
const v1 = (extra: Record<string, unknown> = {}) => chat(app, { ...plain, messages: hello, ...extra });

describe('generated replies (nothing scripted)', () => {
  it('answers in the live non-stream shape', async () => {
    const res = await v1();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(res.json)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage']);
    expect(res.json.id).toBe(`chatcmpl-${(1787762059).toString(16)}${res.json.id.slice(17)}`);
    expect(res.json.id).toMatch(/^chatcmpl-[0-9a-f]{24}$/);
    expect(res.json).toMatchObject({ object: 'chat.completion', created: 1787762059, model: 'kimi-k2.6' });
    expect(res.json.choices).toEqual([{ index: 0, message: { role: 'assistant', content: expect.any(String) }, finish_reason: 'stop' }]);
    const { prompt_tokens, completion_tokens, total_tokens } = res.json.usage;
    expect(Object.keys(res.json.usage)).toEqual(['prompt_tokens', 'completion_tokens', 'total_tokens']);
    expect(total_tokens).toBe(prompt_tokens + completion_tokens);
  });

  it('counts completion tokens with the shared counter', async () => {
    const res = await v1();
    const content = res.json.choices[0].message.content;
    const alone = await postJson(app, '/v1/tokenizers/estimate-token-count', { ...plain, messages: [{ role: 'user', content }] });
    const overhead = await postJson(app, '/v1/tokenizers/estimate-token-count', { ...plain, messages: [{ role: 'user', content: 'x' }] });
    // "x" is one token, so the difference of the two estimates is the content's own count minus one.
    expect(alone.json.data.total_tokens - overhead.json.data.total_tokens + 1).toBe(res.json.usage.completion_tokens);
  });

  it('gives the same text for the same seed and request, and other text for another seed', async () => {
    const a = (await v1()).json.choices[0].message.content;
    const b = (await chat(mockApp(), { ...plain, messages: hello })).json.choices[0].message.content;
    const c = (await chat(mockApp({ seed: 8 }), { ...plain, messages: hello })).json.choices[0].message.content;
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('answers a request the same whether its counts come from the worker or at once from the cache', async () => {
    // A counter of its own, so the first request's texts are unknown (counted by the worker) and the
    // repeat's are all cached (answered with no async step): the two answers must not differ.
    const tokenCounter = createTokenCounter();
    try {
      for (const extra of [{}, { max_tokens: 5 }, { thinking: { type: 'enabled' } }, { stop: ['.'] }]) {
        const request = { ...plain, messages: [{ role: 'user', content: `Worker or cache? ${JSON.stringify(extra)}` }], ...extra };
        const first = await chat(mockApp({ tokenCounter }), request);
        const again = await chat(mockApp({ tokenCounter }), request);
        expect(first.status).toBe(200);
        expect(again.json).toEqual(first.json);
      }
    } finally {
      await tokenCounter.close();
    }
  });

  it('gives the same ids for the same seed and request order', async () => {
    const ids = async () => {
      const fresh = mockApp();
      const first = await chat(fresh, { ...plain, messages: hello });
      const second = await chat(fresh, { ...plain, messages: hello });
      return [first.json.id, second.json.id, first.headers.get('msh-request-id')];
    };
    const [a, b] = [await ids(), await ids()];
    expect(a).toEqual(b);
    expect(a[0]).not.toBe(a[1]);
  });

  it('stops at max_tokens with finish_reason length and exactly that many tokens', async () => {
    const res = await v1({ max_tokens: 5 });
    expect(res.json.choices[0].finish_reason).toBe('length');
    expect(res.json.usage.completion_tokens).toBe(5);
  });

  it('cuts the reply before a stop string', async () => {
    const full: string = (await v1()).json.choices[0].message.content;
    const word = full.split(' ')[3]!;
    const res = await v1({ stop: [word] });
    const content: string = res.json.choices[0].message.content;
    expect(res.json.choices[0].finish_reason).toBe('stop');
    expect(content).toBe(full.slice(0, full.indexOf(word)));
    expect(content).not.toContain(word);
  });

  it('returns n distinct, deterministic choices', async () => {
    // Today's models all fix n at 1; a model added through the config keeps the open range 1..5.
    const open = mockApp({ models: [{ id: 'acme-open', context_length: 8192 }] });
    const nChoices = () => chat(open, { model: 'acme-open', messages: hello, n: 3, temperature: 0.5 });
    const res = await nChoices();
    const texts = res.json.choices.map((c: any) => c.message.content);
    expect(res.json.choices.map((c: any) => c.index)).toEqual([0, 1, 2]);
    expect(new Set(texts).size).toBe(3);
    expect((await nChoices()).json.choices.map((c: any) => c.message.content)).toEqual(texts);
  });

  it('adds reasoning_content and reasoning_tokens for thinking models only', async () => {
    const thinking = await chat(app, { model: 'kimi-k2.6', messages: hello });
    const message = thinking.json.choices[0].message;
    expect(Object.keys(message)).toEqual(['role', 'content', 'reasoning_content']);
    expect(message.reasoning_content.length).toBeGreaterThan(0);
    expect(thinking.json.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    const off = await chat(app, { model: 'kimi-k2.6', messages: hello, thinking: { type: 'disabled' } });
    expect(off.json.choices[0].message).not.toHaveProperty('reasoning_content');
    expect(off.json.usage).not.toHaveProperty('completion_tokens_details');
  });

  it('spends the budget on reasoning first: content is empty when reasoning uses it all', async () => {
    const res = await chat(app, { model: 'kimi-k2.7-code', messages: hello, max_tokens: 3 });
    expect(res.json.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: '' } });
    expect(res.json.usage).toMatchObject({ completion_tokens: 3, completion_tokens_details: { reasoning_tokens: 3 } });
  });

  it('continues a partial prefix without repeating it', async () => {
    const prefix = 'Once upon a time,';
    const res = await v1({ messages: [...hello, { role: 'assistant', content: prefix, partial: true }] });
    const content: string = res.json.choices[0].message.content;
    expect(content.length).toBeGreaterThan(0);
    expect(content.startsWith(prefix)).toBe(false);
    expect(content).not.toContain('Once upon');
  });

  it('answers valid JSON in json_object mode, and JSON fitting the schema in json_schema mode', async () => {
    const object = await v1({ response_format: { type: 'json_object' } });
    expect(() => JSON.parse(object.json.choices[0].message.content)).not.toThrow();
    const schema = { type: 'object', properties: { city: { type: 'string' }, temp: { type: 'number' }, sunny: { type: 'boolean' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['city'] };
    const structured = await v1({ response_format: { type: 'json_schema', json_schema: { name: 'weather', schema } } });
    const value = JSON.parse(structured.json.choices[0].message.content);
    expect(value).toEqual({ city: expect.any(String), temp: expect.any(Number), sunny: expect.any(Boolean), tags: expect.any(Array) });
  });
});
