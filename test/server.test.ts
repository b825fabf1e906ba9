import { afterAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TokenCounter } from '../src/index.ts';
import { getSharedTokenCounter } from '../src/tokens/token-counter.ts';
import { plain } from './support/mock-app.ts';

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function serve(options: Parameters<typeof startServer>[0]) {
  const server = await startServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

const post = (url: string, body: string | ReadableStream, init: RequestInit = {}) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { Authorization: 'Bearer k' }, body, ...init });

describe('real socket', () => {
  it('listens on a free port and reports its base URL', async () => {
    const server = await serve({});
    expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(server.baseURL).toBe(`${server.url}/v1`);
  });

  it('answers a body over the limit with the 400 envelope, with or without Content-Length', async () => {
    const server = await serve({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ ...plain, messages: [{ role: 'user', content: 'x'.repeat(4096) }] });
    const expected = { error: { message: 'Invalid request: request body is larger than the limit of 1024 bytes', type: 'invalid_request_error' } };
    const sized = await post(server.baseURL, big);
    expect(sized.status).toBe(400);
    expect(await sized.json()).toEqual(expected);
    const chunked = await post(server.baseURL, new Blob([big]).stream(), { duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(400);
    expect(await chunked.json()).toEqual(expected);
  });

  it('sends JSON with charset=utf-8 and a Msh-Request-Id', async () => {
    const server = await serve({});
    const res = await post(server.baseURL, JSON.stringify({ ...plain, messages: [{ role: 'user', content: 'Hi' }] }));
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('msh-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('aborts the work of a request whose client goes away', async () => {
    const shared = getSharedTokenCounter();
    const seen: AbortSignal[] = [];
    const spy: TokenCounter = {
      encoding: shared.encoding,
      ready: shared.ready,
      close: () => shared.close(),
      countTexts(texts, signal) {
        if (signal) seen.push(signal);
        return shared.countTexts(texts, signal);
      },
    };
    const server = await serve({ tokenCounter: spy });
    const client = new AbortController();
    const body = JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'lorem ipsum dolor '.repeat(200_000) }] });
    const request = post(server.baseURL, body, { signal: client.signal }).catch((err: Error) => err);
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 30_000 });
    client.abort();
    expect(await request).toBeInstanceOf(Error);
    await vi.waitFor(() => expect(seen[0]!.aborted).toBe(true), { timeout: 30_000 });
    const after = await post(server.baseURL, JSON.stringify({ ...plain, messages: [{ role: 'user', content: 'Hi' }] }));
    expect(after.status).toBe(200);
  });
});
