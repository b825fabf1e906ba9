// The package as a user gets it: built and `npm pack`ed, the tarball unpacked into
// a fresh project's node_modules with only its declared runtime dependencies beside it (linked from this
// checkout's node_modules, so no registry is needed), then used from TypeScript, plain Node and the bin.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/index.ts';
import { exitWithin, spawnNode } from '../support/spawn-node.ts';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'moonshot-mock-consumer-'));
const installed = join(project, 'node_modules', 'moonshot-mock');
let packedFiles: string[] = [];
let manifest: { version: string; bin: Record<string, string>; dependencies: Record<string, string> };

/** What `tsc --init` (TypeScript 5.9) writes, comments dropped: the tsconfig a new user has. */
const defaultTsconfig = {
  compilerOptions: {
    module: 'nodenext', target: 'esnext', types: [], sourceMap: true, declaration: true, declarationMap: true,
    noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, strict: true, jsx: 'react-jsx',
    verbatimModuleSyntax: true, isolatedModules: true, noUncheckedSideEffectImports: true, moduleDetection: 'force', skipLibCheck: true,
  },
};

beforeAll(async () => {
  // What `prepare` does (`npm run build`: tsc, then the bundled CLI), in a staging copy of the sources:
  // the working tree's dist/ is never touched while other test files run. `files` in package.json
  // decides what the tarball holds.
  // Outside the consumer project, whose tsconfig would type-check the staged sources too.
  const staging = mkdtempSync(join(tmpdir(), 'moonshot-mock-staging-'));
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'fixtures', 'src', 'tsconfig.json', 'tsconfig.build.json']) {
    cpSync(join(root, entry), join(staging, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(staging, 'node_modules'), 'dir');
  await exec('npm', ['run', 'build'], { cwd: staging });
  const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: staging });
  const [pack] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packedFiles = pack!.files.map((file) => file.path);
  mkdirSync(installed, { recursive: true });
  await exec('tar', ['-xzf', join(project, pack!.filename), '-C', installed, '--strip-components=1']);
  rmSync(staging, { recursive: true, force: true });
  manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  for (const dependency of Object.keys(manifest.dependencies)) {
    mkdirSync(dirname(join(project, 'node_modules', dependency)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dependency), join(project, 'node_modules', dependency), 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 180_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the build, the example fixtures, the README and the LICENSE, and nothing else', () => {
    const outside = packedFiles.filter((path) => !/^(dist\/.+\.(js|d\.ts|json)|fixtures\/[^/]+\.(ya?ml|json)|README\.md|LICENSE|package\.json)$/.test(path));
    expect(outside).toEqual([]);
    expect(packedFiles).toEqual(expect.arrayContaining([
      'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/bin.js', 'dist/tokens/token-worker-main.js', 'dist/cli/serve-from-cli.js', 'dist/cli/token-worker-main.js',
    ]));
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('type-checks a strict TypeScript file that uses the API, under the tsconfig `tsc --init` writes', async () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(defaultTsconfig));
    writeFileSync(join(project, 'use.ts'), `import { createApp, startServer, FixtureError, type MockOptions, type FixtureInput } from 'moonshot-mock';

const fixture: FixtureInput = { name: 'hi', match: { user: 'Hi' }, reply: { content: 'Hello!' } };
const options: MockOptions = { seed: 1, fixtures: [fixture], tier: 'Tier1' };
const app = createApp(options);
const res: Response = await app.request('/v1/models', { headers: { Authorization: 'Bearer k' } });
const body = (await res.json()) as { data: Array<{ id: string }> };
const server = await startServer({ port: 0 });
const url: string = server.baseURL;
await server.close();
await app.close();
export const seen = [body.data.length, url, FixtureError.name];
`);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await exec(process.execPath, [tsc, '--noEmit', '-p', project]).catch((err: { stdout: string }) => err);
    expect(result.stdout).toBe('');
  }, 120_000);

  it('serves a plain Node ESM script that makes one request, and lets it exit by itself', async () => {
    writeFileSync(join(project, 'script.mjs'), `import { createApp } from 'moonshot-mock';
const app = createApp({ seed: 1 });
const res = await app.request('/v1/chat/completions', {
  method: 'POST',
  headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
  body: JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] }),
});
const body = await res.json();
console.log(JSON.stringify({ status: res.status, prompt_tokens: body.usage.prompt_tokens }));
`);
    const script = spawnNode(['script.mjs'], { cwd: project });
    try {
      const exit = await exitWithin(script, 60_000);
      expect({ exit, stderr: script.output().stderr }).toEqual({ exit: { code: 0, signal: null }, stderr: '' });
      expect(JSON.parse(script.output().stdout)).toEqual({ status: 200, prompt_tokens: expect.any(Number) });
    } finally {
      script.kill();
    }
  }, 90_000);

  it('exports every value the TypeScript sources export', async () => {
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import('moonshot-mock')).sort()))`], { cwd: project });
    expect(JSON.parse(stdout)).toEqual(Object.keys(api).sort());
  }, 60_000);

  it('runs its bin: --version prints the version', async () => {
    const bin = join(installed, manifest.bin['moonshot-mock']!);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { stdout } = await exec(process.execPath, [bin, '--version'], { cwd: project });
    expect(stdout).toBe(`${manifest.version}\n`);
  }, 60_000);

  it('runs its bin: serves /v1/models and a YAML fixture\'s reply with its token usage, and stops on SIGTERM', async () => {
    const args = [join(installed, manifest.bin['moonshot-mock']!), '--port', '0', '--fixtures', join(installed, 'fixtures', 'greeting.yaml')];
    const server = spawnNode(args, { cwd: project });
    try {
      const baseURL = await server.waitFor(/listening on (http:\/\/\S+\/v1) \(\d+ models?, 1 fixture,/);
      const res = await fetch(`${baseURL}/models`, { headers: { Authorization: 'Bearer k' } });
      expect(res.status).toBe(200);
      // The bundled CLI loads yaml on first use and counts tokens in its own bundled worker, both from the install.
      const chat = await fetch(`${baseURL}/chat/completions`, {
        method: 'POST', headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] }),
      });
      const body = (await chat.json()) as { choices: Array<{ message: { content: string } }>; usage: unknown };
      expect({ status: chat.status, content: body.choices[0]?.message.content, usage: body.usage }).toEqual({
        status: 200,
        content: 'Hello! I am Kimi, served by moonshot-mock. How can I help?',
        usage: expect.objectContaining({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) }),
      });
      server.kill('SIGTERM');
      expect(await exitWithin(server, 30_000)).toEqual({ code: 0, signal: null });
    } finally {
      server.kill();
    }
  }, 90_000);
});
