import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { vi } from 'vitest';
import { createVirtualClock, type Clock } from '../../src/clock.ts';
import type { MockOptions } from '../../src/app.ts';
import { startServer, type RunningServer } from '../../src/server.ts';

/** The caller's key: the upstream accepts only it, and it must never be written. */
export const KEY = 'sk-live-recording-0123456789abcdef';

export const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

/** The upstream's tool loop: a call with reasoning, then an answer; streamed 2 word pieces per delta, paced. */
export const upstreamFixtures = [
  {
    name: 'call',
    match: { user: { contains: 'weather' }, tools: ['get_weather'] },
    reply: { reasoning_content: 'The user wants the weather, so I call get_weather.', tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
    stream: { tokensPerDelta: 2, ttftMs: 120, tokensPerSecond: 40 },
  },
  {
    name: 'answer',
    match: { toolResult: 'get_weather' },
    reply: { reasoning_content: 'The tool says sunny and 21 degrees.', content: 'It is sunny in Paris, 21 °C. Enjoy the walk by the river!' },
    stream: { tokensPerDelta: 2, ttftMs: 80, tokensPerSecond: 50 },
  },
];

/**
 * The clock both instances share: paced streams run at once while the recorder measures their
 * virtual pace. Sleeps of a minute or more (the upstream timeout) wait until aborted: a virtual
 * clock would fire them at once.
 */
function sharedClock(): Clock {
  const inner = createVirtualClock(Date.UTC(2026, 11, 1));
  return {
    now: () => inner.now(),
    sleep: (ms, signal) => {
      if (ms < 60_000) return inner.sleep(ms, signal);
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    },
  };
}

/** Servers and folders of one test, all closed and removed by `cleanup`. */
export function harness() {
  const servers: RunningServer[] = [];
  const raw: Server[] = [];
  const dirs: string[] = [];
  const logs: string[] = [];
  const clock = sharedClock();
  return {
    logs,
    clock,
    dir(): string {
      const dir = mkdtempSync(join(tmpdir(), 'moonshot-record-'));
      dirs.push(dir);
      return dir;
    },
    async start(options: MockOptions): Promise<RunningServer> {
      const server = await startServer({ port: 0, clock, log: (line) => logs.push(line), ...options });
      servers.push(server);
      return server;
    },
    /** A plain HTTP server on port 0 doing `handle` with each request; returns its base URL (`/v1`). */
    async raw(handle: RequestListener): Promise<string> {
      const server = createServer(handle);
      raw.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    },
    upstream(options: MockOptions = {}) {
      return this.start({ fixtures: upstreamFixtures, apiKeys: [KEY], seed: 3, ...options });
    },
    /** Stops every server started so far (the folders stay). */
    async stopServers() {
      await Promise.all(servers.splice(0).map((server) => server.close(0)));
      await Promise.all(raw.splice(0).map((server) => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(resolve));
      }));
    },
    async cleanup() {
      await this.stopServers();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An openai client on a running server, with the recording key and no retries unless asked. */
export function client(server: RunningServer, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}): OpenAI {
  return new OpenAI({ apiKey: KEY, baseURL: server.baseURL, maxRetries: 0, ...options });
}

/** Every file under `dir` with its text. */
export function filesIn(dir: string): Record<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** Waits until `count` fixtures have been written (recording happens once the answer is complete). */
export async function recorded(logs: string[], count: number): Promise<void> {
  await vi.waitFor(() => {
    if (logs.filter((line) => line.includes(': recorded ')).length < count) throw new Error(`fewer than ${count} recordings yet`);
  }, { timeout: 20_000, interval: 20 });
}
