import { describe, expect, it } from 'vitest';
import { chat, hello } from '../support/mock-app.ts';
import { getJson, MODEL, sendAdmin, journalApp } from './journal-app.ts';

const NS = { 'x-mock-namespace': 'suite-a', Authorization: 'Bearer sk-test' };
const fixtures = [
  { name: 'steps', match: { user: 'step' }, replies: [{ content: 'one' }, { content: 'two' }] },
  { name: 'flaky', match: { user: 'flaky' }, fault: { kind: 'http', status: 429, when: { first: 1 } }, reply: { content: 'ok' } },
  { name: 'door', match: { user: 'door' }, scenario: { name: 'door', next: 'open' }, reply: { content: 'opened' } },
];

const ask = (app: ReturnType<typeof journalApp>, text: string) => chat(app, { model: MODEL, messages: [{ role: 'user', content: text }] }, NS);
const reset = (app: ReturnType<typeof journalApp>) => sendAdmin(app, 'POST', '/_mock/reset?namespace=suite-a');

/** An app whose namespace suite-a has used every kind of state. */
async function usedApp() {
  const app = journalApp({ fixtures, limits: { rpm: 100 } });
  await sendAdmin(app, 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ name: 'extra', match: { user: 'extra' }, reply: { content: 'x' } }] }, NS);
  await ask(app, 'step');
  await ask(app, 'flaky');
  await ask(app, 'door');
  return app;
}

describe('POST /_mock/reset?namespace=…', () => {
  it('removes the namespace\'s runtime fixtures', async () => {
    const app = await usedApp();
    await reset(app);
    expect((await getJson(app, '/_mock/fixtures?namespace=suite-a')).fixtures.map((f: any) => f.origin)).not.toContain('runtime');
  });

  it('restarts reply sequences', async () => {
    const app = await usedApp();
    await reset(app);
    expect((await ask(app, 'step')).json.choices[0].message.content).toBe('one');
  });

  it('restarts fault schedules', async () => {
    const app = await usedApp();
    await reset(app);
    expect((await ask(app, 'flaky')).status).toBe(429);
  });

  it('puts scenarios back at started', async () => {
    const app = await usedApp();
    await reset(app);
    expect((await getJson(app, '/_mock/scenarios?namespace=suite-a')).scenarios[0].state).toBe('started');
  });

  it('empties the journal', async () => {
    const app = await usedApp();
    await reset(app);
    expect(await getJson(app, '/_mock/requests/count?namespace=suite-a')).toEqual({ count: 0 });
  });

  it('empties the rate-limit usage', async () => {
    const app = await usedApp();
    await reset(app);
    expect((await getJson(app, '/_mock/limits?namespace=suite-a')).users[0].usage.requestsLastMinute).toBe(0);
  });

  it('restarts the request ids', async () => {
    const app = journalApp();
    const first = (await ask(app, 'hi')).headers.get('msh-request-id');
    await reset(app);
    expect((await ask(app, 'hi')).headers.get('msh-request-id')).toBe(first);
  });

  it('leaves the other namespaces alone', async () => {
    const app = await usedApp();
    await chat(app, { model: MODEL, messages: hello });
    await reset(app);
    expect(await getJson(app, '/_mock/requests/count')).toEqual({ count: 1 });
  });
});

describe('POST /_mock/reset', () => {
  it('resets the default namespace and drops every other', async () => {
    const app = await usedApp();
    await chat(app, { model: MODEL, messages: hello });
    await sendAdmin(app, 'POST', '/_mock/reset');
    expect([(await getJson(app, '/_mock/namespaces')).namespaces, await getJson(app, '/_mock/requests/count')]).toEqual([
      [{ name: 'default', requests: 0, runtimeFixtures: 0 }],
      { count: 0 },
    ]);
  });

  it('takes the clock back', async () => {
    const app = journalApp();
    const before = (await sendAdmin(app, 'POST', '/_mock/clock', { advance_ms: 0 })).json.now_ms;
    await sendAdmin(app, 'POST', '/_mock/clock', { advance_ms: 3_600_000 });
    await sendAdmin(app, 'POST', '/_mock/reset');
    expect((await sendAdmin(app, 'POST', '/_mock/clock', { advance_ms: 0 })).json.now_ms - before).toBeLessThan(3_600_000);
  });
});
