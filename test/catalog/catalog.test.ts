import { describe, expect, it } from 'vitest';
import { DEFAULT_API_DATE } from '../../src/catalog/api-date.ts';
import { createCatalog, shippedModels } from '../../src/catalog/catalog.ts';
import { createManualClock } from '../../src/clock.ts';
import { AUTH, chat, mockApp, postJson } from '../support/mock-app.ts';

const getJson = async (app: ReturnType<typeof mockApp>, path: string) => {
  const res = await app.request(path, { headers: AUTH });
  return { status: res.status, json: (await res.json()) as unknown };
};

const ids = (date?: string) => createCatalog({ apiDate: date }).listed.map((model) => model.id);

describe('the dated catalog', () => {
  it('ships with a fixed default date, 2026-12-01', () => {
    expect(DEFAULT_API_DATE).toBe('2026-12-01');
    expect(createCatalog().date).toBe('2026-12-01');
  });

  it('serves the default date whatever the clock says', async () => {
    const app = mockApp({ clock: createManualClock(Date.UTC(2031, 0, 1)) });
    expect((await chat(app, { model: 'kimi-k3', messages: [{ role: 'user', content: 'Hi' }] })).status).toBe(200);
    expect((await chat(app, { model: 'kimi-k2.5', messages: [{ role: 'user', content: 'Hi' }] })).status).toBe(404);
  });

  it('answers the live 404 for a retired model on every endpoint that takes a model', async () => {
    const app = mockApp();
    const body = { model: 'kimi-k2.5', messages: [{ role: 'user', content: 'Hi' }] };
    const notFound = { error: { message: 'Not found the model kimi-k2.5 or Permission denied', type: 'resource_not_found_error' } };
    for (const res of [
      await chat(app, body),
      await postJson(app, '/v1/tokenizers/estimate-token-count', body),
      await getJson(app, '/v1/models/kimi-k2.5'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json).toEqual(notFound);
    }
  });

  it('has each model live from its release day until the day before its retirement', () => {
    expect(ids('2026-07-15')).not.toContain('kimi-k3');
    expect(ids('2026-07-16')).toContain('kimi-k3');
    expect(ids('2026-08-30')).toEqual(expect.arrayContaining(['kimi-k2.5', 'moonshot-v1-8k']));
    expect(ids('2026-08-31')).not.toContain('kimi-k2.5');
    expect(ids('2026-05-24')).toContain('kimi-k2-thinking');
    expect(ids('2026-05-25')).not.toContain('kimi-k2-thinking');
    expect(ids('2026-10-22')).not.toContain('kimi-k3.1-pro');
  });

  it('applies dated rule changes: kimi-k3 took only reasoning_effort "max" before 2026-07-20', () => {
    expect(createCatalog({ apiDate: '2026-07-17' }).find('kimi-k3')!.reasoning_effort!.values).toEqual(['max']);
    expect(createCatalog({ apiDate: '2026-07-20' }).find('kimi-k3')!.reasoning_effort!.values).toEqual(['low', 'high', 'max']);
  });

  it('refuses kimi-k3 reasoning_effort "low" as served on 2026-07-17', async () => {
    const res = await chat(mockApp({ apiDate: '2026-07-17' }), { model: 'kimi-k3', messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'low' });
    expect(res.json.error.message).toBe('invalid reasoning_effort: only max is allowed for this model');
  });

  it('keeps every shipped id unique and every retirement after its release', () => {
    expect(new Set(shippedModels.map((m) => m.id)).size).toBe(shippedModels.length);
    for (const model of shippedModels) if (model.retired && model.released) expect(model.retired > model.released, model.id).toBe(true);
  });

  it('refuses an apiDate that is not a YYYY-MM-DD date', () => {
    expect(() => mockApp({ apiDate: '2026/06/01' })).toThrow(/^Invalid option options\.apiDate: /);
  });
});

describe('dated rate-limit tiers', () => {
  const ask = (app: ReturnType<typeof mockApp>) =>
    chat(app, { model: 'kimi-k3', messages: [{ role: 'user', content: 'Hi' }] }, { Authorization: 'Bearer sk-a' });
  const users = [{ organization: 'org-7df23a', keys: [{ key: 'sk-a', id: 'cak-fc91' }] }];

  it('refuses the 4th kimi-k3 request in a minute on Tier0 with the live RPM message', async () => {
    const app = mockApp({ tier: 'Tier0', users, clock: createManualClock(0), log: () => {} });
    for (let i = 0; i < 3; i++) expect((await ask(app)).status).toBe(200);
    expect((await ask(app)).json.error.message).toMatch(/^Your account org-7df23a<cak-fc91> request reached organization max RPM: 3, please try again after \d+ seconds$/);
  });

  it('gives Tier1 concurrency 15 and RPM 100 today, and 50 and 200 before 2026-09-03', async () => {
    const limits = async (apiDate?: string) => {
      const app = mockApp({ tier: 'Tier1', ...(apiDate && { apiDate }) });
      return ((await (await app.request('/_mock/limits')).json()) as any).users[0].limits;
    };
    expect(await limits()).toEqual({ concurrency: 15, rpm: 100, tpm: 2_000_000, tpd: null });
    expect(await limits('2026-06-01')).toEqual({ concurrency: 50, rpm: 200, tpm: 2_000_000, tpd: null });
  });
});
