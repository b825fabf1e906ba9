import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.ts';
import { AUTH, chat, hello, mockApp } from '../support/mock-app.ts';

const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function serve(options: Parameters<typeof startServer>[0] = {}) {
  const server = await startServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

/** A raw request over the socket with any Host header (fetch would not let us set it). */
function request(server: RunningServer, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  const url = new URL(server.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; json: any }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const fixtures = [{ name: 'once', replies: [{ content: 'first' }, { content: 'second' }] }];

describe('admin routes from a browser on another origin', () => {
  it('refuses a no-cors text/plain POST to /_mock/reset with 415 and resets nothing', async () => {
    const app = mockApp({ fixtures });
    expect((await chat(app, { model: 'kimi-k2.6', messages: hello })).json.choices[0].message.content).toBe('first');
    // What fetch(url, { method: 'POST', mode: 'no-cors', body: '' }) sends: a CORS-safelisted content type.
    const res = await app.request('/_mock/reset', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: '' });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: {
        message: 'moonshot-mock: POST /_mock/reset needs `Content-Type: application/json` (got text/plain;charset=UTF-8), so that a web page cannot send it without a CORS preflight, which is never granted.',
        type: 'invalid_request_error',
      },
    });
    expect((await chat(app, { model: 'kimi-k2.6', messages: hello })).json.choices[0].message.content).toBe('second');
  });

  it('refuses a text/plain POST to /_mock/clock and leaves the clock alone', async () => {
    const app = mockApp();
    const res = await app.request('/_mock/clock', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"advance_ms":1000}' });
    expect(res.status).toBe(415);
    const json = await app.request('/_mock/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance_ms":0}' });
    expect(json.status).toBe(200);
  });

  it('accepts the admin POSTs with application/json', async () => {
    const app = mockApp();
    const res = await app.request('/_mock/reset', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(await res.json()).toEqual({ reset: true });
  });

  it('grants no CORS to a preflight', async () => {
    const server = await serve();
    const res = await request(server, '/_mock/reset', { origin: 'http://evil.example', 'access-control-request-method': 'POST' }, 'OPTIONS');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the Host header', () => {
  it('answers 403 on every route to a foreign Host, as a DNS-rebinding page would send', async () => {
    const server = await serve();
    const expected = {
      error: {
        message: 'moonshot-mock: Host "evil.example:4000" is not allowed. Only loopback names and addresses are, and those in --allowed-hosts (config allowedHosts); add the name there to reach the server by it.',
        type: 'permission_denied_error',
      },
    };
    for (const path of ['/v1/models', '/_mock/limits', '/nowhere']) {
      const res = await request(server, path, { host: 'evil.example:4000', ...AUTH });
      expect(res.status, path).toBe(403);
      expect(res.json, path).toEqual(expected);
    }
    const post = await request(server, '/v1/chat/completions', { host: 'evil.example', ...AUTH }, 'POST', JSON.stringify({ model: 'kimi-k2.6', messages: hello }));
    expect(post.status).toBe(403);
  });

  it('serves loopback names and addresses', async () => {
    const server = await serve();
    for (const host of ['localhost:4000', '127.0.0.1', '127.0.0.2:80', '[::1]:4000', 'LOCALHOST', 'api.localhost']) {
      expect((await request(server, '/v1/models', { host, ...AUTH })).status, host).toBe(200);
    }
  });

  it('serves the names in allowedHosts, and any Host with "*"', async () => {
    const named = await serve({ allowedHosts: ['mock.internal'] });
    expect((await request(named, '/v1/models', { host: 'mock.internal:4000', ...AUTH })).status).toBe(200);
    expect((await request(named, '/v1/models', { host: 'other.internal', ...AUTH })).status).toBe(403);
    const open = await serve({ allowedHosts: ['*'] });
    expect((await request(open, '/v1/models', { host: 'anything.example', ...AUTH })).status).toBe(200);
  });
});
