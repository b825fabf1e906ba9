import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listening, run, SPAWN_TIMEOUT_MS, stopSpawned } from './support/run-cli.ts';

afterEach(stopSpawned);


describe('CLI', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('prints its base URL once it accepts connections, serves, and exits 0 on SIGTERM', async () => {
    const cli = run(['--port', '0', '--seed', '3'], {}, listening);
    const baseURL = await cli.ready;
    const res = await fetch(`${baseURL}/models`, { headers: { Authorization: 'Bearer k' } });
    expect(res.status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('exits 0 on SIGINT', async () => {
    const cli = run(['--port', '0'], {}, listening);
    await cli.ready;
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('honours PORT', async () => {
    const cli = run([], { PORT: '0' }, listening);
    expect(await cli.ready).not.toMatch(/:4000\//);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('prefers --port over PORT', async () => {
    const cli = run(['--port', '0'], { PORT: 'not-a-port' }, listening);
    await cli.ready;
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('reads a YAML config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-'));
    const file = join(dir, 'mock.yaml');
    writeFileSync(file, 'port: 0\napiKeys: [sk-only]\nmodels:\n  - id: kimi-k2.6\n    context_length: 262144\n');
    const cli = run(['--config', file], {}, listening);
    const baseURL = await cli.ready;
    const denied = await fetch(`${baseURL}/models`, { headers: { Authorization: 'Bearer other' } });
    expect(denied.status).toBe(401);
    const list: any = await (await fetch(`${baseURL}/models`, { headers: { Authorization: 'Bearer sk-only' } })).json();
    expect(list.data.map((m: { id: string }) => m.id)).toContain('kimi-k2.6');
    cli.child.kill('SIGTERM');
    await cli.exited;
  });

  it.each([
    [['--port', 'abc'], /^moonshot-mock: Invalid option --port: .+\n$/],
    [['--port', '70000'], /^moonshot-mock: Invalid option --port: .+\n$/],
    [['--bogus'], /^moonshot-mock: Unknown option '--bogus'.*\n$/],
    [['--tier', 'Tier9'], /^moonshot-mock: Invalid option --tier: .+\n$/],
    [['--api-date', '2026-13-45'], /^moonshot-mock: Invalid option --api-date: .+\n$/],
    [['--config', '/nonexistent/mock.yaml'], /^moonshot-mock: Failed to read --config \/nonexistent\/mock.yaml: ENOENT\n$/],
  ])('rejects %j with a one-line error and exit code 2', async (args, message) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(message);
  });

  it('serves the catalog of --api-date, and --no-prefix-cache turns caching off', async () => {
    const cli = run(['--port', '0', '--api-date', '2026-06-01', '--no-prefix-cache'], {}, listening);
    try {
      const baseURL = await cli.ready;
      const headers = { Authorization: 'Bearer k', 'Content-Type': 'application/json' };
      const list: any = await (await fetch(`${baseURL}/models`, { headers })).json();
      expect(list.data.map((m: { id: string }) => m.id)).toContain('kimi-k2.5');
      expect(list.data.map((m: { id: string }) => m.id)).not.toContain('kimi-k3');
      const body = JSON.stringify({ model: 'kimi-k2.5', messages: [{ role: 'user', content: 'Hi' }] });
      await fetch(`${baseURL}/chat/completions`, { method: 'POST', headers, body });
      const again: any = await (await fetch(`${baseURL}/chat/completions`, { method: 'POST', headers, body })).json();
      expect(again.usage.cached_tokens).toBeUndefined();
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  }, 60_000);

  it('names a bad option inside the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-'));
    const file = join(dir, 'mock.json');
    writeFileSync(file, JSON.stringify({ encoding: 'p50k', port: 0 }));
    const cli = run(['--config', file]);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(/^moonshot-mock: Invalid option encoding: .+\n$/);
  });

  it('explains a port already in use in one line and exits 1', async () => {
    const first = run(['--port', '0'], {}, listening);
    try {
      const port = /:(\d+)\/v1$/.exec(await first.ready)![1]!;
      const second = run(['--port', port]);
      expect(await second.exited).toBe(1);
      expect(second.output().stderr).toBe(
        `moonshot-mock: Failed to listen on 127.0.0.1:${port}: the address is already in use. Pass another --port (0 takes a free one) or --host.\n`,
      );
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  }, 60_000);
});
