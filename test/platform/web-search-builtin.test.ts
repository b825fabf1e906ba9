import { toFile } from 'openai';
import { describe, expect, it } from 'vitest';
import { mockApp, postJson } from '../support/mock-app.ts';
import { sdkClient } from '../support/sdk-client.ts';

const tools = [{ type: 'builtin_function', function: { name: '$web_search' } }];
const ask = { role: 'user', content: 'Who won the match yesterday?' };
const base = { model: 'kimi-k2.6', thinking: { type: 'disabled' }, tools };

describe('builtin $web_search (legacy)', { timeout: 60_000 }, () => {
  it('answers a declaring request with a $web_search call that carries usage.total_tokens', async () => {
    const app = mockApp({ apiDate: '2026-10-01' });
    const { json } = await postJson(app, '/v1/chat/completions', { ...base, messages: [ask] });
    const choice = json.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.tool_calls[0].function.name).toBe('$web_search');
    expect(JSON.parse(choice.message.tool_calls[0].function.arguments).usage.total_tokens).toBeGreaterThan(0);
  });

  it('bills the echoed search tokens as prompt tokens once the arguments come back', async () => {
    const app = mockApp({ apiDate: '2026-10-01' });
    const first = (await postJson(app, '/v1/chat/completions', { ...base, messages: [ask] })).json.choices[0].message;
    const call = first.tool_calls[0];
    const messages = [ask, first, { role: 'tool', tool_call_id: call.id, name: '$web_search', content: call.function.arguments }];
    const answer = (await postJson(app, '/v1/chat/completions', { ...base, messages })).json;
    const estimate = (await postJson(app, '/v1/tokenizers/estimate-token-count', { model: 'kimi-k2.6', messages, tools })).json;
    expect(answer.choices[0].finish_reason).toBe('stop');
    expect(answer.usage.prompt_tokens).toBe(estimate.data.total_tokens + JSON.parse(call.function.arguments).usage.total_tokens);
  });

  it('charges $0.005 per search on top of the tokens', async () => {
    const app = mockApp({ apiDate: '2026-10-01', balance: 1 });
    const first = (await postJson(app, '/v1/chat/completions', { ...base, messages: [ask] })).json;
    const call = first.choices[0].message.tool_calls[0];
    const messages = [ask, first.choices[0].message, { role: 'tool', tool_call_id: call.id, name: '$web_search', content: call.function.arguments }];
    const answer = (await postJson(app, '/v1/chat/completions', { ...base, messages })).json;
    // kimi-k2.6: $0.95 cache miss, $0.16 cache hit, $4.00 output per 1M tokens = 950, 160, 4000 nano-dollars per token.
    const perToken = (usage: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number }) =>
      (usage.prompt_tokens - (usage.cached_tokens ?? 0)) * 950 + (usage.cached_tokens ?? 0) * 160 + usage.completion_tokens * 4000;
    const balance = (await (await app.request('/v1/users/me/balance', { headers: { Authorization: 'Bearer sk-test' } })).json()) as any;
    expect(1e9 - Math.round(balance.data.available_balance * 1e9)).toBe(perToken(first.usage) + perToken(answer.usage) + 5_000_000);
  });

  it('refuses the builtin after its retirement day', async () => {
    const app = mockApp({ apiDate: '2026-10-20' });
    const { status, json } = await postJson(app, '/v1/chat/completions', { ...base, messages: [ask] });
    expect([status, json.error.message]).toEqual([400, 'Invalid request: the builtin function $web_search has been retired since 2026-10-20; use POST /v1/tools/search instead']);
  });
});

describe('dated file ids', { timeout: 60_000 }, () => {
  it('gives bare ids before August 2026 and file_ ids after', async () => {
    const before = await sdkClient(mockApp({ apiDate: '2026-07-01' })).files.create({ file: await toFile(Buffer.from('x'), 'a.txt'), purpose: 'file-extract' as never });
    const after = await sdkClient(mockApp({ apiDate: '2026-08-01' })).files.create({ file: await toFile(Buffer.from('x'), 'a.txt'), purpose: 'file-extract' as never });
    expect(before.id).toMatch(/^[0-9a-v]{20}$/);
    expect(after.id).toMatch(/^file_[0-9a-v]{20}$/);
  });
});
