import { describe, expect, it } from 'vitest';
import { postJson } from '../support/mock-app.ts';
import { dialectApp } from '../support/dialects.ts';

const KEY = { 'x-api-key': 'sk-test' };
const hi = [{ role: 'user', content: 'Hello there' }];
const messages = (app: ReturnType<typeof dialectApp>, body: Record<string, unknown>) =>
  postJson(app, '/anthropic/v1/messages', { model: 'kimi-k3', max_tokens: 200, messages: hi, ...body }, KEY);
const responses = (app: ReturnType<typeof dialectApp>, body: Record<string, unknown>) =>
  postJson(app, '/v1/responses', { model: 'kimi-k3', input: 'Hello there', ...body });
const invalidThinking = { type: 'error', error: { type: 'invalid_request_error', message: 'invalid thinking: only type=enabled is allowed for this model' } };

describe("the catalog's per-model rules on the Messages and Responses dialects", () => {
  it('refuses kimi-k2.7-code on /anthropic without thinking, with the live 400', async () => {
    const res = await messages(dialectApp(), { model: 'kimi-k2.7-code' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalidThinking);
  });

  it('serves kimi-k2.7-code with adaptive thinking, as Claude Code sends it', async () => {
    const res = await messages(dialectApp(), { model: 'kimi-k2.7-code', thinking: { type: 'adaptive', display: 'omitted' } });
    expect(res.status).toBe(200);
    expect(res.json.content[0]).toMatchObject({ type: 'thinking', thinking: '' });
  });

  it('thinks on kimi-k3 without a thinking field, and refuses thinking disabled as chat does', async () => {
    const app = dialectApp();
    expect((await messages(app, {})).json.content[0].type).toBe('thinking');
    expect((await messages(app, { thinking: { type: 'disabled' } })).json).toEqual(invalidThinking);
  });

  it("reads output_config.effort as the model's reasoning_effort", async () => {
    const app = dialectApp();
    expect((await messages(app, { output_config: { effort: 'low' } })).status).toBe(200);
    const res = await messages(app, { output_config: { effort: 'medium' } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('invalid reasoning_effort: only low, high, max is allowed for this model');
  });

  it("reads reasoning.effort on /v1/responses as the model's reasoning_effort", async () => {
    const res = await responses(dialectApp(), { reasoning: { effort: 'minimal' } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('invalid reasoning_effort: only low, high, max is allowed for this model');
  });

  it('answers 404 on /v1/responses for kimi-k2.7-code, which only chat and Messages serve', async () => {
    const res = await responses(dialectApp(), { model: 'kimi-k2.7-code' });
    expect(res.json).toEqual({ error: { message: 'Not found the model kimi-k2.7-code or Permission denied', type: 'resource_not_found_error' } });
  });
});

describe('prefix caching on the Messages and Responses dialects', () => {
  it('writes a Messages prompt to the cache only with a top-level cache_control', async () => {
    const app = dialectApp();
    await messages(app, {});
    expect((await messages(app, {})).json.usage.cache_read_input_tokens).toBe(0);
    const written = (await messages(app, { cache_control: { type: 'ephemeral' } })).json.usage;
    expect(written).toMatchObject({ cache_read_input_tokens: 0, input_tokens: 0 });
    expect(written.cache_creation_input_tokens).toBeGreaterThan(0);
    const read = (await messages(app, { cache_control: { type: 'ephemeral' } })).json.usage;
    expect(read).toMatchObject({ cache_read_input_tokens: written.cache_creation_input_tokens, cache_creation_input_tokens: 0, input_tokens: 0 });
  });

  it('counts cached tokens inside input_tokens on /v1/responses', async () => {
    const app = dialectApp();
    const first = (await responses(app, {})).json.usage;
    const second = (await responses(app, {})).json.usage;
    expect(second.input_tokens).toBe(first.input_tokens);
    expect(second.input_tokens_details.cached_tokens).toBe(first.input_tokens);
  });
});
