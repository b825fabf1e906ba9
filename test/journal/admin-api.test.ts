import { describe, expect, it } from 'vitest';
import {} from '../support/mock-app.ts';
import { sendAdmin, journalApp } from './journal-app.ts';

const TOKEN = 'admin-token-5b1e';
const routes: Array<[string, string]> = [
  ['GET', '/_mock/requests'], ['GET', '/_mock/requests/count'], ['DELETE', '/_mock/requests'], ['POST', '/_mock/verify'],
  ['GET', '/_mock/fixtures'], ['POST', '/_mock/fixtures'], ['DELETE', '/_mock/fixtures'], ['GET', '/_mock/scenarios'],
  ['POST', '/_mock/reset'], ['GET', '/_mock/namespaces'], ['DELETE', '/_mock/namespaces/a'], ['POST', '/_mock/clock'],
  ['GET', '/_mock/limits'], ['GET', '/_mock/openapi.json'],
];

describe('--admin-token', () => {
  it('refuses every /_mock route without the token with a 401', async () => {
    const app = journalApp({ adminToken: TOKEN });
    const statuses = await Promise.all(routes.map(async ([method, path]) => (await sendAdmin(app, method, path, method === 'GET' ? undefined : {})).status));
    expect(statuses).toEqual(routes.map(() => 401));
  });

  it('says how to send the token', async () => {
    const res = await sendAdmin(journalApp({ adminToken: TOKEN }), 'GET', '/_mock/requests');
    expect(res.json.error).toEqual({ type: 'invalid_authentication_error', message: 'moonshot-mock: /_mock/* needs the admin token (the server runs with --admin-token). Send it as `Authorization: Bearer <token>`' });
  });

  it('refuses a wrong token', async () => {
    const res = await sendAdmin(journalApp({ adminToken: TOKEN }), 'GET', '/_mock/requests', undefined, { Authorization: 'Bearer nope' });
    expect([res.status, res.json.error.message]).toEqual([401, 'moonshot-mock: the admin token does not match. Send the --admin-token value as `Authorization: Bearer <token>`']);
  });

  it('lets the token through', async () => {
    const res = await sendAdmin(journalApp({ adminToken: TOKEN }), 'GET', '/_mock/requests', undefined, { Authorization: `Bearer ${TOKEN}` });
    expect([res.status, res.json.requests]).toEqual([200, []]);
  });

  it('leaves GET /_mock/health open for readiness checks', async () => {
    expect((await sendAdmin(journalApp({ adminToken: TOKEN }), 'GET', '/_mock/health')).status).toBe(200);
  });

  it('leaves the /v1 routes to their own keys', async () => {
    const res = await journalApp({ adminToken: TOKEN }).request('/v1/models', { headers: { Authorization: 'Bearer sk-user' } });
    expect(res.status).toBe(200);
  });
});

describe('GET /_mock/openapi.json', () => {
  it('documents every admin route', async () => {
    const doc = (await sendAdmin(journalApp(), 'GET', '/_mock/openapi.json')).json;
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`));
    const expected = [...routes, ['GET', '/_mock/health']].map(([method, path]) => `${method} ${path!.replace('/namespaces/a', '/namespaces/{name}')}`);
    expect([doc.openapi, documented.sort()]).toEqual(['3.1.0', [...new Set(expected)].sort()]);
  });

  it('describes a journal entry with the schema the journal is built from', async () => {
    const doc = (await sendAdmin(journalApp(), 'GET', '/_mock/openapi.json')).json;
    const entry = doc.paths['/_mock/requests'].get.responses[200].content['application/json'].schema.properties.requests.items;
    expect(Object.keys(entry.properties)).toEqual(expect.arrayContaining(['requestId', 'namespace', 'body', 'match', 'fault', 'rateLimit', 'reply', 'usage', 'aborted']));
  });
});

describe('GET /_mock/health', () => {
  it('answers ok', async () => {
    expect((await sendAdmin(journalApp(), 'GET', '/_mock/health')).json).toEqual({ status: 'ok' });
  });
});
