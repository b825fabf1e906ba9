import { describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.ts';
import { chat, hello, mockApp, postJson, sseData, type MockApp, plain } from './support/mock-app.ts';

const quiet = { log: () => {} };
const ask = (app: MockApp, extra: Record<string, unknown> = {}, key = 'sk-a') =>
  chat(app, { ...plain, messages: hello, ...extra }, { Authorization: `Bearer ${key}` });
const advance = (app: MockApp, ms: number) => postJson(app, '/_mock/clock', { advance_ms: ms }, {});
const users = [{ organization: 'org-7df2a1', keys: [{ key: 'sk-a', id: 'cak-fc91' }, { key: 'sk-b', id: 'cak-0b2e' }] }, { organization: 'org-other', keys: [{ key: 'sk-c', id: 'ak-c' }] }];

describe("Moonshot's rate limiter", () => {
  it('refuses the 4th request in a minute on Tier0 with the exact RPM message, and admits it after 60 s', async () => {
    const app = mockApp({ ...quiet, tier: 'Tier0', users, clock: createManualClock(0) });
    for (let i = 0; i < 3; i++) expect((await ask(app)).status).toBe(200);
    const refused = await ask(app);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({
      error: { message: 'Your account org-7df2a1<cak-fc91> request reached organization max RPM: 3, please try again after 60 seconds', type: 'rate_limit_reached_error' },
    });
    expect((await advance(app, 60_000)).json).toEqual({ now_ms: 60_000 });
    expect((await ask(app)).status).toBe(200);
  });

  it('computes "try again after" from the window', async () => {
    const app = mockApp({ ...quiet, tier: 'Tier0', clock: createManualClock(0) });
    for (let i = 0; i < 3; i++) {
      await ask(app);
      await advance(app, 10_000);
    }
    expect((await ask(app)).json.error.message).toMatch(/please try again after 30 seconds$/);
  });

  it('charges TPM at admission as prompt tokens + max_tokens, whatever is generated', async () => {
    const app = mockApp({ ...quiet, limits: { tpm: 10_000 }, users, clock: createManualClock(0) });
    expect((await ask(app, { max_tokens: 6000 })).status).toBe(200);
    const refused = await ask(app, { max_tokens: 6000 });
    expect(refused.status).toBe(429);
    expect(refused.json.error.message).toMatch(/^Your account org-7df2a1<cak-fc91> request reached organization TPM rate limit, current:\d+, limit:10000$/);
    const current = Number(/current:(\d+)/.exec(refused.json.error.message)![1]);
    expect(current).toBeGreaterThan(12_000);
  });

  it("charges the model's default max_tokens when the request sends none", async () => {
    const app = mockApp({ ...quiet, limits: { tpm: 40_000 }, clock: createManualClock(0) });
    expect((await ask(app)).status).toBe(200); // kimi-k2.6: prompt + 32,768
    expect((await ask(app)).status).toBe(429);
    const k3 = mockApp({ ...quiet, limits: { tpm: 140_000 }, clock: createManualClock(0) });
    expect((await ask(k3, { model: 'kimi-k3', thinking: undefined })).status).toBe(200); // kimi-k3: prompt + 131,072
    const refused = await ask(k3, { model: 'kimi-k3', thinking: undefined });
    expect(Number(/current:(\d+)/.exec(refused.json.error.message)![1])).toBeGreaterThan(2 * 131_072);
  });

  it('counts an open stream against concurrency until it ends', async () => {
    const clock = createManualClock(0);
    const app = mockApp({ ...quiet, tier: 'Tier0', users, clock, fixtures: [{ match: { user: 'slow' }, reply: { content: 'one two three' }, stream: { ttftMs: 1000 } }, { reply: { content: 'ok' } }] });
    const slow = chat(app, { ...plain, messages: [{ role: 'user', content: 'slow' }], stream: true }, { Authorization: 'Bearer sk-a' });
    await expect.poll(() => clock.pending(), { timeout: 30_000 }).toBe(1);
    const refused = await ask(app, {}, 'sk-b');
    expect(refused.json.error.message).toBe('Your account org-7df2a1<cak-0b2e> request reached organization max concurrency: 1, please try again after 1 seconds');
    clock.advance(1000);
    expect(sseData((await slow).text).at(-1)).toBe('[DONE]');
    expect((await ask(app, {}, 'sk-b')).status).toBe(200);
  });

  it('refuses past TPD for the rest of the day', async () => {
    const app = mockApp({ ...quiet, limits: { tpd: 70_000 }, clock: createManualClock(0) });
    expect((await ask(app)).status).toBe(200);
    expect((await ask(app)).status).toBe(200);
    await advance(app, 3_600_000);
    const refused = await ask(app);
    expect(refused.json.error.message).toMatch(/^Your account org-moonshot-mock<ak-[0-9a-f]{20}> request reached organization TPD rate limit,current:\d+, limit:70000$/);
    await advance(app, 24 * 3_600_000);
    expect((await ask(app)).status).toBe(200);
  });

  it("shares a user's limits between its keys, not with other users", async () => {
    const app = mockApp({ ...quiet, tier: 'Tier0', users, clock: createManualClock(0) });
    await ask(app, {}, 'sk-a');
    await ask(app, {}, 'sk-b');
    await ask(app, {}, 'sk-a');
    expect((await ask(app, {}, 'sk-b')).status).toBe(429);
    expect((await ask(app, {}, 'sk-c')).status).toBe(200);
  });

  it('refuses keys that no configured user owns', async () => {
    const res = await ask(mockApp({ ...quiet, tier: 'Tier0', users }), {}, 'sk-unknown');
    expect(res.status).toBe(401);
    expect(res.json.error.type).toBe('invalid_authentication_error');
  });

  it('reports each user\'s usage on GET /_mock/limits', async () => {
    const app = mockApp({ ...quiet, tier: 'Tier0', users, clock: createManualClock(0) });
    await ask(app, { max_tokens: 100 });
    const snapshot = await (await app.request('/_mock/limits')).json();
    expect(JSON.stringify(snapshot)).toContain('org-7df2a1');
    expect(snapshot).toMatchObject({ users: expect.arrayContaining([expect.objectContaining({ organization: 'org-7df2a1', usage: expect.objectContaining({ requestsLastMinute: 1 }) })]) });
  });

  it('is off by default', async () => {
    const app = mockApp(quiet);
    for (let i = 0; i < 10; i++) expect((await ask(app)).status).toBe(200);
  });

  it('logs each limit hit with its source', async () => {
    const lines: string[] = [];
    const app = mockApp({ log: (l: string) => lines.push(l), limits: { rpm: 1 }, clock: createManualClock(0) });
    await ask(app);
    await ask(app);
    expect(lines).toEqual([expect.stringMatching(/^moonshot-mock: rate limit hit \(limiter\): Your account .+ max RPM: 1, .+\[[0-9a-f-]+\]$/)]);
  });
});
