import { describe, expect, it } from 'vitest';
import { AUTH, chat, hello, postJson } from '../support/mock-app.ts';
import { getJson, MODEL, journalApp } from './journal-app.ts';

describe('the journal\'s bounds', () => {
  it('keeps the newest journalLimit requests and drops the oldest', async () => {
    const app = journalApp({ journalLimit: 3 });
    for (let i = 0; i < 5; i++) await chat(app, { model: MODEL, messages: [{ role: 'user', content: `request ${i}` }] });
    const { requests, dropped } = await getJson(app, '/_mock/requests');
    expect([requests.map((entry: any) => entry.seq), dropped]).toEqual([[3, 4, 5], 2]);
  });

  it('keeps a body past journalBodyBytes as its first characters, marked truncated', async () => {
    const app = journalApp({ journalBodyBytes: 40 });
    const body = JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'x'.repeat(500) }] });
    await postJson(app, '/v1/chat/completions', body);
    const [entry] = (await getJson(app, '/_mock/requests')).requests;
    expect([entry.body, entry.bodyTruncated, entry.bodyBytes]).toEqual([body.slice(0, 40), true, body.length]);
  });

  it('keeps a body that is not JSON as its text', async () => {
    const app = journalApp();
    await postJson(app, '/v1/chat/completions', 'not json');
    const [entry] = (await getJson(app, '/_mock/requests')).requests;
    expect([entry.body, entry.status]).toEqual(['not json', 400]);
  });

  it('never stores the key or the Authorization header', async () => {
    const key = 'sk-journal-secret-7f3a9c';
    const app = journalApp({ apiKeys: [key], limits: { rpm: 1 } });
    const headers = { Authorization: `Bearer ${key}` };
    await chat(app, { model: MODEL, messages: hello }, headers);
    await chat(app, { model: MODEL, messages: hello }, headers);
    await chat(app, { model: MODEL, messages: hello }, { Authorization: 'Bearer sk-journal-wrong-key' });
    await app.request('/v1/models', { headers });
    const text = await (await app.request('/_mock/requests?namespace=*')).text();
    expect(text).toContain('"status":429');
    expect([text.includes(key), text.includes('sk-journal-wrong-key'), /authorization/i.test(text)]).toEqual([false, false, false]);
  });

  it('keeps the requests of a run in order under load, the count staying at the limit', async () => {
    const app = journalApp({ journalLimit: 50 });
    await Promise.all(Array.from({ length: 200 }, () => chat(app, { model: MODEL, messages: hello }, AUTH)));
    const { requests, dropped } = await getJson(app, '/_mock/requests');
    expect([requests.length, dropped, requests[0].seq, requests.at(-1).seq]).toEqual([50, 150, 151, 200]);
  });
});
