import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUTH, mockApp, postJson } from '../support/mock-app.ts';
import { listening } from '../support/run-cli.ts';
import { sdkClient } from '../support/sdk-client.ts';

const bin = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

/** Starts the CLI in its own process group; resolves with the child and its base URL. */
function startCli(dataDir: string): Promise<{ child: ChildProcess; baseURL: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, '--port', '0', '--data-dir', dataDir], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (data) => {
      out += data;
      const match = listening.exec(out);
      if (match) resolve({ child, baseURL: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return Promise.resolve();
  }
  return exited;
}

/** A deterministic body of `size` bytes that differs per `seed`. */
const bytesOf = (seed: number, size: number) => Buffer.alloc(size, `file ${seed} `);

describe('--data-dir', { timeout: 60_000 }, () => {
  it('keeps files and balances across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mm-data-'));
    const first = mockApp({ dataDir, balance: 10 });
    const form = new FormData();
    form.append('purpose', 'file-extract');
    form.append('file', new File(['kept across restarts'], 'kept.txt'));
    const uploaded = (await (await first.request('/v1/files', { method: 'POST', headers: AUTH, body: form })).json()) as any;
    await postJson(first, '/_mock/balance', { cash: 4, voucher: 3 });
    await sdkClient(first).chat.completions.create({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] });
    const before = await (await first.request('/v1/users/me/balance', { headers: AUTH })).text();

    const second = mockApp({ dataDir, balance: 10 });
    const content = (await (await second.request(`/v1/files/${uploaded.id}/content`, { headers: AUTH })).json()) as any;
    expect(content.content).toBe('kept across restarts');
    expect(await (await second.request('/v1/users/me/balance', { headers: AUTH })).text()).toBe(before);
  });

  it('loses no acknowledged upload when the server is killed with SIGKILL mid-upload', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mm-kill-'));
    let server: ChildProcess | undefined;
    try {
      const first = await startCli(dataDir);
      server = first.child;
      const acknowledged = new Map<string, number>();
      const upload = async (seed: number) => {
        const form = new FormData();
        form.append('purpose', 'file-extract');
        form.append('file', new File([bytesOf(seed, 2 * 1024 * 1024)], `part-${seed}.txt`));
        const res = await fetch(`${first.baseURL}/files`, { method: 'POST', headers: AUTH, body: form });
        const body = (await res.json()) as { id: string };
        acknowledged.set(body.id, seed);
      };
      for (const seed of [1, 2, 3]) await upload(seed);
      // Many uploads in flight; kill the server as soon as one more is acknowledged.
      const inFlight = Array.from({ length: 12 }, (_, i) => upload(10 + i).catch(() => {}));
      await new Promise<void>((resolve) => {
        const check = setInterval(() => acknowledged.size > 3 && (clearInterval(check), resolve()), 5);
      });
      await killGroup(server);
      await Promise.all(inFlight);
      const seen = new Map(acknowledged);

      const second = await startCli(dataDir);
      server = second.child;
      const listed = (await (await fetch(`${second.baseURL}/files`, { headers: AUTH })).json()) as { data: Array<{ id: string }> };
      const ids = new Set(listed.data.map((file) => file.id));
      for (const [id, seed] of seen) {
        expect(ids.has(id)).toBe(true);
        const body = (await (await fetch(`${second.baseURL}/files/${id}/content`, { headers: AUTH })).json()) as { content: string };
        expect(body.content).toBe(bytesOf(seed, 2 * 1024 * 1024).toString());
      }
      expect(readdirSync(join(dataDir, 'files')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      await killGroup(server);
    }
  }, 120_000);
});
