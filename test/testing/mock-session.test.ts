import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { namespaceFetch } from '../../src/testing/namespace-fetch.ts';
import { startMockSession, type MockSession } from '../../src/testing/mock-session.ts';
import { MODEL, TEST_MODELS } from '../journal/journal-app.ts';

let session: MockSession;
beforeAll(async () => {
  session = await startMockSession({ adminToken: 'session-token', models: TEST_MODELS });
}, 60_000);
afterAll(() => session.close());

describe('startMockSession (the runner-neutral core)', () => {
  it('drives a namespace through a server locked by an admin token', async () => {
    const ns = session.namespace('checkout test');
    await ns.addFixtures([{ match: { user: 'Hello' }, reply: { content: 'Hi!' } }]);
    const client = new OpenAI({ baseURL: ns.baseURL, apiKey: 'sk-test', fetch: ns.fetch });
    const reply = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Hello' }] });
    await ns.expectRequests({ model: MODEL }).toHaveLength(1);
    expect([ns.id, reply.choices[0]!.message.content]).toEqual(['1-checkout-test', 'Hi!']);
  });

  it('forgets a dropped namespace on the server', async () => {
    const ns = session.namespace('dropped');
    await ns.addFixtures([{ reply: { content: 'x' } }]);
    await ns.drop();
    const listed = await fetch(`${session.url}/_mock/namespaces`, { headers: { authorization: 'Bearer session-token' } });
    expect(((await listed.json()) as { namespaces: Array<{ name: string }> }).namespaces.map((n) => n.name)).not.toContain(ns.id);
  });
});

describe('namespaceFetch', () => {
  it('sends in-process requests in the namespace, keeping the caller\'s headers', async () => {
    const app = createApp({ models: TEST_MODELS });
    const client = new OpenAI({ baseURL: 'http://mock/v1', apiKey: 'sk-test', fetch: namespaceFetch('in-process', (url, init) => app.request(url, init)) });
    await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Hello' }] });
    const { requests } = (await (await app.request('/_mock/requests?namespace=in-process')).json()) as { requests: Array<{ path: string }> };
    expect(requests.map((entry) => entry.path)).toEqual(['/v1/chat/completions']);
  });
});
