import { describe, expect, it } from 'vitest';
import { chat, hello, mockApp, postJson, plain } from './support/mock-app.ts';

const app = mockApp();

describe('authentication (A2)', () => {
  it('answers 401 incorrect_api_key_error without a bearer key', async () => {
    for (const headers of [{}, { Authorization: 'sk-no-bearer' }, { Authorization: 'Bearer ' }] as Array<Record<string, string>>) {
      const res = await chat(app, { ...plain, messages: hello }, headers);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: { message: 'Incorrect API key provided', type: 'incorrect_api_key_error' } });
    }
  });

  it('accepts any key in open mode', async () => {
    const res = await chat(app, { ...plain, messages: hello }, { Authorization: 'Bearer anything' });
    expect(res.status).toBe(200);
  });

  it('answers 401 invalid_authentication_error for a key not on the configured list', async () => {
    const strict = mockApp({ apiKeys: ['sk-good'] });
    const bad = await chat(strict, { ...plain, messages: hello }, { Authorization: 'Bearer sk-bad' });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({ error: { message: 'Invalid Authentication', type: 'invalid_authentication_error' } });
    const good = await chat(strict, { ...plain, messages: hello }, { Authorization: 'Bearer sk-good' });
    expect(good.status).toBe(200);
  });

  it('checks the key on GET /v1/models too', async () => {
    expect((await app.request('/v1/models')).status).toBe(401);
  });
});

describe('routing and bodies (A5)', () => {
  it('answers unknown routes with the url.not_found envelope, before checking the key', async () => {
    const res = await app.request('/v1/responses', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      code: 5, error: 'url.not_found', message: '没找到对象', method: 'POST', scode: '0x5', status: false, url: '/v1/responses',
    });
  });

  it('answers a wrong method on a known path with url.not_found', async () => {
    const res = await app.request('/v1/chat/completions', { headers: { Authorization: 'Bearer k' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'url.not_found', method: 'GET', url: '/v1/chat/completions' });
  });

  it('answers a body that is not JSON with a 400 envelope', async () => {
    for (const body of ['{"model": ', 'not json', '']) {
      const res = await postJson(app, '/v1/chat/completions', body);
      expect(res.status).toBe(400);
      expect(res.json.error.type).toBe('invalid_request_error');
      expect(res.json.error.message).toMatch(/^Invalid request: /);
    }
  });

  it('answers a JSON body that is not an object, or lacks model, with a 400 naming the problem', async () => {
    expect((await postJson(app, '/v1/chat/completions', '[1,2]')).json.error.message).toBe('Invalid request: the request body must be a JSON object');
    expect((await chat(app, { messages: hello })).json.error.message).toBe('Invalid request: model is required');
  });

  it('answers a body over the size limit with a 400 envelope', async () => {
    const small = mockApp({ maxBodyBytes: 1024 });
    const res = await chat(small, { ...plain, messages: [{ role: 'user', content: 'x'.repeat(4096) }] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { message: 'Invalid request: request body is larger than the limit of 1024 bytes', type: 'invalid_request_error' },
    });
  });

  it('sends a unique Msh-Request-Id on every response, errors included', async () => {
    const a = await chat(app, { ...plain, messages: hello });
    const b = await chat(app, { model: 'nope', messages: hello });
    const c = await app.request('/nowhere');
    const ids = [a.headers, b.headers, c.headers].map((h) => h.get('msh-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
  });
});
