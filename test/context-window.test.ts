import { describe, expect, it } from 'vitest';
import { chat, invalid, mockApp, postJson } from './support/mock-app.ts';

// The window rule is the same for every model; an 8k model (added through the config) keeps prompts small.
const app = mockApp({ models: [{ id: 'acme-8k', context_length: 8192 }] });
const small = { model: 'acme-8k' };
const estimate = (body: Record<string, unknown>) => postJson(app, '/v1/tokenizers/estimate-token-count', body);
// ~2 tokens per repetition; 5000 reps is well past an 8k window.
const long = (reps: number) => [{ role: 'user', content: 'hello world '.repeat(reps) }];

describe('context window (A3) and the estimate endpoint (B6)', () => {
  it('answers the estimate in the documented shape', async () => {
    const res = await estimate({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hello' }] });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ data: { total_tokens: expect.any(Number) } });
    expect(res.json.data.total_tokens).toBeGreaterThan(1);
  });

  it('rejects prompt + max_tokens over the window with the requested total', async () => {
    const messages = long(1000);
    const prompt = (await estimate({ ...small, messages })).json.data.total_tokens;
    const maxTokens = 8192 - prompt + 1;
    const res = await chat(app, { ...small, messages, max_tokens: maxTokens });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid(`Invalid request: Your request exceeded model token limit: 8192 (requested: ${prompt + maxTokens})`));
    const fits = await chat(app, { ...small, messages, max_tokens: maxTokens - 1 });
    expect(fits.status).toBe(200);
  });

  it('prefers max_completion_tokens over max_tokens in the check', async () => {
    const messages = long(10);
    const res = await chat(app, { ...small, messages, max_tokens: 10, max_completion_tokens: 9000 });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^Invalid request: Your request exceeded model token limit: 8192 \(requested: \d+\)$/);
  });

  it('answers "Input token length too long" when the prompt alone fills the window and no budget is sent', async () => {
    const res = await chat(app, { ...small, messages: long(5000) });
    expect(res.json).toEqual(invalid('Input token length too long'));
  });

  it('caps the output at what is left of the window when no budget is sent', async () => {
    const promptOf = async (reps: number) => (await estimate({ ...small, messages: long(reps) })).json.data.total_tokens;
    const perRep = (await promptOf(11)) - (await promptOf(10));
    const reps = Math.floor((8192 - 4 - (await promptOf(0 + 1)) + perRep) / perRep);
    const messages = long(reps);
    const left = 8192 - (await promptOf(reps));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(10);
    const res = await chat(app, { ...small, messages });
    expect(res.status).toBe(200);
    expect(res.json.usage.completion_tokens).toBeLessThanOrEqual(left);
  });

  it('agrees with usage.prompt_tokens, with and without tools', async () => {
    const messages = [
      { role: 'system', content: 'You are Kimi.' },
      { role: 'user', content: [{ type: 'text', text: '这张图片里有什么？ Describe it.' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] },
    ];
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];
    for (const extra of [{}, { tools }]) {
      const counted = (await estimate({ model: 'kimi-k2.6', messages, ...extra })).json.data.total_tokens;
      const used = (await chat(app, { model: 'kimi-k2.6', messages, ...extra })).json.usage.prompt_tokens;
      expect(used).toBe(counted);
    }
  });

  it('rejects an unknown model and empty messages on the estimate endpoint', async () => {
    expect((await estimate({ model: 'nope', messages: long(1) })).status).toBe(404);
    expect((await estimate({ model: 'kimi-k2.6', messages: [] })).json).toEqual(invalid('Invalid request: messages must not be empty'));
  });
});
