import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server.ts';
import { listening, run, SPAWN_TIMEOUT_MS, stopSpawned } from '../support/run-cli.ts';
import { filesIn, harness, KEY } from './two-instances.ts';

const h = harness();
afterEach(async () => {
  await stopSpawned();
  await h.cleanup();
});

const cli = (args: string[], until?: RegExp) => run(args, {}, until);

describe('record mode from the command line', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('records through --record DIR --upstream URL', async () => {
    const upstream = await h.upstream({ fixtures: [{ reply: { content: 'Recorded answer.' } }] });
    const dir = h.dir();
    const recorder = cli(['--port', '0', '--record', dir, '--upstream', upstream.baseURL], listening);
    const baseURL = await recorder.ready;
    const res = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Say something.' }] }),
    });
    expect(((await res.json()) as any).choices[0].message.content).toBe('Recorded answer.');
    await expect.poll(() => Object.values(filesIn(dir)).join(''), { timeout: 20_000 }).toContain('Recorded answer.');
  });

  it('refuses a non-loopback --host in record mode without --allow-remote', async () => {
    const refused = cli(['--port', '0', '--host', '0.0.0.0', '--record', h.dir()]);
    expect(await refused.exited).toBe(2);
    expect(refused.output().stderr).toContain('Refusing to record on the non-loopback host 0.0.0.0');
    expect(refused.output().stderr).toContain('--allow-remote');
  });

  it('refuses two modes at once', async () => {
    const refused = cli(['--port', '0', '--record', h.dir(), '--proxy']);
    expect(await refused.exited).toBe(2);
    expect(refused.output().stderr).toContain('--record and --proxy exclude each other');
  });

  it('refuses a non-loopback host in proxy mode from startServer too', async () => {
    await expect(startServer({ port: 0, host: '0.0.0.0', record: { mode: 'proxy' } })).rejects.toThrow(
      'Refusing to proxy on the non-loopback host 0.0.0.0',
    );
  });

  it('listens on a non-loopback host when allowRemote is set', async () => {
    const server = await startServer({ port: 0, host: '0.0.0.0', record: { mode: 'proxy' }, allowRemote: true });
    expect(server.baseURL).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/v1$/);
    await server.close(0);
  });
});
