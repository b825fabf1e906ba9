import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listening, run, SPAWN_TIMEOUT_MS, stopSpawned } from '../support/run-cli.ts';

afterEach(stopSpawned);

const statusFor = (baseURL: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    const url = new URL(`${baseURL}/models`);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host, authorization: 'Bearer k' } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });

describe('--allowed-hosts', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('serves the listed names, comma-separated or repeated, and refuses others', async () => {
    const cli = run(['--port', '0', '--allowed-hosts', 'mock.internal, api.test', '--allowed-hosts', 'third.test'], {}, listening);
    const baseURL = await cli.ready;
    for (const host of ['mock.internal:80', 'api.test', 'third.test', 'localhost']) expect(await statusFor(baseURL, host), host).toBe(200);
    expect(await statusFor(baseURL, 'evil.example')).toBe(403);
  });
});
