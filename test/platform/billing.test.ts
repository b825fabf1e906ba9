import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import prices from '../../src/catalog/prices.json' with { type: 'json' };
import { AUTH, mockApp, postJson, type MockApp } from '../support/mock-app.ts';
import { sdkClient } from '../support/sdk-client.ts';

/** The latest price of a model in the table, USD per 1M tokens. */
function rates(model: string) {
  const table = [...prices.tables].reverse().find((t) => model in t.models)!;
  return (table.models as unknown as Record<string, { cache_hit: number; input: number; output: number }>)[model]!;
}

/** The documented cost of a call in nano-dollars (1e-9 USD), from the table and the call's usage. */
function expectedNano(model: string, usage: OpenAI.CompletionUsage & { cached_tokens?: number }) {
  const r = rates(model);
  const cached = usage.cached_tokens ?? 0;
  return Math.round(((usage.prompt_tokens - cached) * r.input + cached * r.cache_hit + usage.completion_tokens * r.output) * 1000);
}

async function balance(app: MockApp) {
  const res = await app.request('/v1/users/me/balance', { headers: AUTH });
  return (await res.json()) as { code: number; data: { available_balance: number; voucher_balance: number; cash_balance: number }; scode: string; status: boolean };
}
const nano = (usd: number) => Math.round(usd * 1e9);

describe('balance and billing', { timeout: 60_000 }, () => {
  it('shows the starting balance in the documented envelope', async () => {
    expect(await balance(mockApp({ balance: { cash: 3, voucher: 2 } }))).toEqual({
      code: 0, data: { available_balance: 5, voucher_balance: 2, cash_balance: 3 }, scode: '0x0', status: true,
    });
  });

  it('takes exactly the table price of a completion from the balance', async () => {
    const app = mockApp({ balance: 10 });
    const usage = (await sdkClient(app).chat.completions.create({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hello there' }] })).usage!;
    const after = await balance(app);
    expect(nano(10) - nano(after.data.available_balance)).toBe(expectedNano('kimi-k2.6', usage));
  });

  it('bills kimi-k3 reasoning tokens at the output price', async () => {
    const app = mockApp({ balance: 10 });
    const usage = (await sdkClient(app).chat.completions.create({ model: 'kimi-k3', messages: [{ role: 'user', content: 'Hi' }] })).usage!;
    expect(usage.completion_tokens_details!.reasoning_tokens).toBeGreaterThan(0);
    expect(nano(10) - nano((await balance(app)).data.available_balance)).toBe(expectedNano('kimi-k3', usage));
  });

  it('bills cached prompt tokens at the cache-hit price', async () => {
    const fixtures = [{ name: 'cached', match: { user: 'Hi' }, reply: { content: 'Hello', usage: { prompt_tokens: 1000, cached_tokens: 768 } } }];
    const app = mockApp({ balance: 10, fixtures });
    const usage = (await sdkClient(app).chat.completions.create({ model: 'kimi-k3', messages: [{ role: 'user', content: 'Hi' }] })).usage! as OpenAI.CompletionUsage & { cached_tokens: number };
    expect(usage.cached_tokens).toBe(768);
    expect(nano(10) - nano((await balance(app)).data.available_balance)).toBe(expectedNano('kimi-k3', usage));
  });

  it('draws cash and voucher half and half', async () => {
    const app = mockApp({ balance: { cash: 1, voucher: 1 } });
    const usage = (await sdkClient(app).chat.completions.create({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hello' }] })).usage!;
    const cost = expectedNano('kimi-k2.6', usage);
    const { data } = await balance(app);
    expect(nano(1) - nano(data.voucher_balance)).toBe(Math.floor(cost / 2));
    expect(nano(1) - nano(data.cash_balance)).toBe(Math.ceil(cost / 2));
  });

  it('refuses chat at zero balance with the live 429', async () => {
    const app = mockApp({ balance: 0 });
    const error = await sdkClient(app, { maxRetries: 0 }).chat.completions.create({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const keyId = `ak-${createHash('sha256').update('sk-test').digest('hex').slice(0, 20)}`;
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).error).toEqual({
      type: 'exceeded_current_quota_error',
      message: `Your account org-moonshot-mock<${keyId}> is suspended due to insufficient balance, please recharge your account or check your plan and billing details`,
    });
  });

  it('serves again once POST /_mock/balance tops the account up', async () => {
    const app = mockApp({ balance: 0 });
    const topUp = await postJson(app, '/_mock/balance', { cash: 5 });
    expect(topUp.json).toEqual({ organization: 'org-moonshot-mock', available_balance: 5, cash_balance: 5, voucher_balance: 0 });
    const completion = await sdkClient(app, { maxRetries: 0 }).chat.completions.create({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.object).toBe('chat.completion');
  });

  it('keeps one balance per configured user', async () => {
    const users = [{ organization: 'org-a', keys: [{ key: 'sk-a' }] }, { organization: 'org-b', keys: [{ key: 'sk-b' }] }];
    const app = mockApp({ users, balance: 1 });
    await postJson(app, '/_mock/balance', { organization: 'org-b', cash: 0 });
    const ok = await postJson(app, '/v1/chat/completions', { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] }, { Authorization: 'Bearer sk-a' });
    const refused = await postJson(app, '/v1/chat/completions', { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] }, { Authorization: 'Bearer sk-b' });
    expect([ok.status, refused.status]).toEqual([200, 429]);
  });

  it('names the configured users when POST /_mock/balance gets an unknown one', async () => {
    const res = await postJson(mockApp(), '/_mock/balance', { organization: 'org-x', cash: 1 });
    expect(res.json.error.message).toBe('moonshot-mock: no user with organization org-x; the configured users are org-moonshot-mock');
  });
});

describe('POST /_mock/reset', { timeout: 60_000 }, () => {
  it('restores the starting balance and deletes every file', async () => {
    const app = mockApp({ balance: 2 });
    await postJson(app, '/_mock/balance', { cash: 0 });
    const form = new FormData();
    form.append('purpose', 'file-extract');
    form.append('file', new File(['x'], 'x.txt'));
    await app.request('/v1/files', { method: 'POST', headers: AUTH, body: form });
    await postJson(app, '/_mock/reset', {});
    expect((await balance(app)).data.available_balance).toBe(2);
    expect(((await (await app.request('/v1/files', { headers: AUTH })).json()) as any).data).toEqual([]);
  });
});
