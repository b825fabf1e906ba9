// Nothing the library creates keeps a plain Node process alive: a script ends once its own work is done.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exitWithin, spawnNode } from './support/spawn-node.ts';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/**
 * Runs an ES module body with `m` bound to the library (from its sources, through tsx), with any
 * extra Node `options` first; resolves with its exit.
 */
async function runScript(body: string, options: string[] = []) {
  const script = spawnNode([...options, '--import', 'tsx', '--input-type=module', '-e', `const m = await import(${JSON.stringify(entry)});\n${body}`]);
  try {
    const exit = await exitWithin(script, 60_000);
    return { exit, ...script.output() };
  } finally {
    script.kill();
  }
}

const chatRequest = `{ method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
  body: JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] }) }`;

describe('process lifetime', () => {
  it('lets a script that only calls createApp() exit by itself', async () => {
    const run = await runScript(`m.createApp(); console.log('created');`);
    expect(run).toEqual({ exit: { code: 0, signal: null }, stdout: 'created\n', stderr: '' });
  }, 90_000);

  it('counts tokens when Node runs with V8 options such as --max-old-space-size (the worker is started without them)', async () => {
    const run = await runScript(`const res = await m.createApp().request('/v1/chat/completions', ${chatRequest}); console.log(res.status);`, ['--max-old-space-size=512', '--stack-size=900']);
    expect(run).toEqual({ exit: { code: 0, signal: null }, stdout: '200\n', stderr: '' });
  }, 90_000);

  it('lets a script exit after a chat completion, without calling close()', async () => {
    const run = await runScript(`const res = await m.createApp().request('/v1/chat/completions', ${chatRequest}); console.log(res.status);`);
    expect(run).toEqual({ exit: { code: 0, signal: null }, stdout: '200\n', stderr: '' });
  }, 90_000);

  it('answers again after app.close(), with a fresh token worker', async () => {
    const run = await runScript(`const app = m.createApp();
      const first = await app.request('/v1/chat/completions', ${chatRequest});
      await app.close();
      const second = await app.request('/v1/chat/completions', ${chatRequest});
      console.log(first.status, second.status);`);
    expect(run).toEqual({ exit: { code: 0, signal: null }, stdout: '200 200\n', stderr: '' });
  }, 90_000);

  it('lets a script exit after startServer() and server.close()', async () => {
    const run = await runScript(`const server = await m.startServer({ port: 0 });
      const res = await fetch(server.baseURL + '/chat/completions', ${chatRequest});
      await res.text();
      await server.close();
      console.log(res.status);`);
    expect(run).toEqual({ exit: { code: 0, signal: null }, stdout: '200\n', stderr: '' });
  }, 90_000);
});
