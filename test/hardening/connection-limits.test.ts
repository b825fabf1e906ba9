import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { serve as serveNode } from '@hono/node-server';
import { createApp, startServer, type RunningServer } from '../../src/index.ts';

/** Generous for a loaded 2-core machine; a passing run returns as soon as the condition holds. */
const wait = { timeout: 30_000, interval: 20 };

let server: RunningServer | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close(0);
  server = undefined;
});

async function serve(options: Parameters<typeof startServer>[0]) {
  server = await startServer({ port: 0, ...options });
  return new URL(server.url);
}

/** A raw connection that has sent `written` (nothing by default), reading whatever comes back into `received`. */
function connect(url: URL, written = ''): Promise<net.Socket & { received: () => string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = Object.assign(
      net.connect(Number(url.port), url.hostname, () => {
        socket.off('error', reject);
        socket.on('error', () => {});
        if (written) socket.write(written);
        resolve(socket);
      }),
      { received: () => text },
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('error', reject);
    sockets.push(socket);
  });
}

const stalled = JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }], stream: true });
/** A stream the server holds open (a `stall` fault): a busy connection once its response headers arrive. */
const busyRequest =
  'POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\nContent-Type: application/json\r\n' +
  `x-mock-fault: stall\r\nContent-Length: ${stalled.length}\r\n\r\n${stalled}`;
/** The headers of a POST and the first byte of its body, then nothing. */
const trickledBody =
  'POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{';

const models = (url: URL) => fetch(`${url.origin}/v1/models`, { headers: { Authorization: 'Bearer k' } });

describe('connection limits', () => {
  it('answers a normal request while the cap\'s worth of idle connections are open, closing the oldest idle one', async () => {
    const url = await serve({ maxConnections: 8 });
    const idle: net.Socket[] = [];
    for (let i = 0; i < 8; i++) idle.push(await connect(url));
    const res = await models(url);
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(idle[0]!.closed).toBe(true), wait);
    expect(idle.slice(1).every((socket) => !socket.closed)).toBe(true);
  });

  it('closes a new connection at once when every connection under the cap is busy', async () => {
    const url = await serve({ maxConnections: 4, log: () => {} });
    const busy: Array<Awaited<ReturnType<typeof connect>>> = [];
    for (let i = 0; i < 4; i++) busy.push(await connect(url, busyRequest));
    await vi.waitFor(() => expect(busy.every((socket) => socket.received().startsWith('HTTP/1.1 200'))).toBe(true), wait);
    const refused = await models(url).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error & { cause?: { code?: string } }).cause?.code).toMatch(/^(ECONNRESET|UND_ERR_SOCKET)$/);
    expect(busy.every((socket) => !socket.closed)).toBe(true);
  });

  it('closes a connection whose headers never finish after headersTimeout (slowloris)', async () => {
    const url = await serve({ headersTimeout: 300, requestTimeout: 10_000 });
    const slow = await connect(url, 'GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await vi.waitFor(() => expect(slow.closed).toBe(true), wait);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 to a connection whose body trickles past requestTimeout, logging nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = await serve({ headersTimeout: 300, requestTimeout: 600 });
    const slow = await connect(url, trickledBody);
    await vi.waitFor(() => expect(slow.closed).toBe(true), wait);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('a client that leaves mid-body', () => {
  it('is journaled as aborted (499), nothing is logged, and the server goes on serving', async () => {
    const lines: string[] = [];
    const app = createApp({ log: (line) => lines.push(line) });
    const http = serveNode({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    try {
      await once(http, 'listening');
      const url = new URL(`http://127.0.0.1:${(http.address() as { port: number }).port}`);
      // The app's handler runs inside the 'request' event: once it has fired, the body is being read.
      const arrived = once(http, 'request');
      const leaving = await connect(url, trickledBody);
      await arrived;
      leaving.destroy();
      const journal = async () => (await (await fetch(`${url.origin}/_mock/requests`)).json()) as { requests: unknown[] };
      await vi.waitFor(async () => expect((await journal()).requests).toHaveLength(1), wait);
      expect((await journal()).requests[0]).toMatchObject({ path: '/v1/chat/completions', status: 499, aborted: true });
      expect((await models(url)).status).toBe(200);
      expect(lines).toEqual([]);
    } finally {
      http.closeAllConnections();
      http.close();
      await app.close();
    }
  });
});
