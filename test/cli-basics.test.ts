import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listening, run, SPAWN_TIMEOUT_MS, stopSpawned } from './support/run-cli.ts';

afterEach(stopSpawned);
const cli = run;

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;
const chatBody = JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }], stream: true });

describe('CLI basics', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it.each([['--version'], ['-v']])('prints the package version for %s and exits 0', async (flag) => {
    const run = cli([flag]);
    expect(await run.exited).toBe(0);
    expect(run.output()).toEqual({ stdout: `${version}\n`, stderr: '' });
  });

  it.each([['--help'], ['-h']])('lists every flag for %s and exits 0', async (flag) => {
    const run = cli([flag]);
    expect(await run.exited).toBe(0);
    for (const name of ['--port', '--host', '--seed', '--config', '--fixtures', '--unmatched', '--watch', '--tier', '--log-requests', '--pid-file', '--ready-file', '--version', '--help']) {
      expect(run.output().stdout).toContain(name);
    }
  });

  it('suggests --port for --prot', async () => {
    const run = cli(['--prot', '4000']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toBe("moonshot-mock: Unknown option '--prot'. Did you mean --port?\n");
  });

  it('points to --help when no flag is close', async () => {
    const run = cli(['--zzzzzz']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toBe("moonshot-mock: Unknown option '--zzzzzz'. Run moonshot-mock --help for the list.\n");
  });

  it('says once listening how many models and fixtures it loaded, and the rate limits', async () => {
    const run = cli(['--port', '0', '--fixtures', 'fixtures/greeting.yaml', '--tier', 'Tier1'], {}, listening);
    await run.ready;
    expect(run.output().stdout).toMatch(/^moonshot-mock listening on http:\/\/127\.0\.0\.1:\d+\/v1 \(\d+ models, 1 fixture, rate limits of Tier1\)\n$/);
  });

  it('logs each request with --log-requests: method, path, status, model, reply, fault and time', async () => {
    const run = cli(['--port', '0', '--fixtures', 'fixtures/greeting.yaml', '--log-requests'], {}, listening);
    const baseURL = await run.ready;
    const headers = { Authorization: 'Bearer k', 'Content-Type': 'application/json' };
    const body = JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hello' }] });
    await (await fetch(`${baseURL}/chat/completions`, { method: 'POST', headers, body })).text();
    await (await fetch(`${baseURL}/chat/completions`, { method: 'POST', headers: { ...headers, 'x-mock-fault': '429' }, body })).text();
    await (await fetch(`${baseURL}/models`, { headers })).text();
    await expect.poll(() => run.output().stderr.split('\n').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    expect(run.output().stderr.split('\n').filter((line) => !line.startsWith('moonshot-mock: injected'))).toEqual([
      expect.stringMatching(/^POST \/v1\/chat\/completions 200 model=kimi-k2\.6 reply=greeting fault=none \d+\.\dms \[[\w-]+\]$/),
      expect.stringMatching(/^POST \/v1\/chat\/completions 429 model=kimi-k2\.6 reply=greeting fault=http \d+\.\dms \[[\w-]+\]$/),
      expect.stringMatching(/^GET \/v1\/models 200 \d+\.\dms \[[\w-]+\]$/),
      '',
    ]);
  });
});

describe('background use', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('writes the pid file at start and the base URL to the ready file once listening, and removes both on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-bg-'));
    const pidFile = join(dir, 'mock.pid');
    const readyFile = join(dir, 'mock.ready');
    const run = cli(['--port', '0', '--pid-file', pidFile, '--ready-file', readyFile], {}, listening);
    const baseURL = await run.ready;
    expect(readFileSync(pidFile, 'utf8')).toBe(`${run.child.pid}\n`);
    expect(readFileSync(readyFile, 'utf8')).toBe(`${baseURL}\n`);
    process.kill(run.child.pid!, 'SIGTERM');
    expect(await run.exited).toBe(0);
    expect([existsSync(pidFile), existsSync(readyFile)]).toEqual([false, false]);
  });

  it('answers GET /_mock/health with 200 and JSON once listening', async () => {
    const run = cli(['--port', '0'], {}, listening);
    const res = await fetch((await run.ready).replace(/\/v1$/, '/_mock/health'));
    expect({ status: res.status, type: res.headers.get('content-type'), body: await res.json() }).toEqual({
      status: 200, type: expect.stringMatching(/^application\/json/), body: { status: 'ok' },
    });
  });

  it('stops on SIGTERM even while a stalled stream holds a connection open', async () => {
    const run = cli(['--port', '0'], {}, listening);
    const url = new URL(`${await run.ready}/chat/completions`);
    const stalled = http.request(url, { method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json', 'x-mock-fault': 'stall:1' } });
    stalled.on('error', () => {});
    const firstBytes = new Promise((resolve) => stalled.on('response', (res) => res.once('data', resolve)));
    stalled.end(chatBody);
    await firstBytes;
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    stalled.destroy();
  });
});
