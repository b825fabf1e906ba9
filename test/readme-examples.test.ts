// Every example block of the README is runnable as written: each carries an `<!-- example: MODE -->`
// marker (see the README's last section) saying how this file checks it. Shell and TypeScript examples
// use the built package (`npx moonshot-mock`, `import 'moonshot-mock'`), so beforeAll builds it.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usage } from '../src/cli/parse-cli-args.ts';
import { loadFixtures } from '../src/fixtures/load-fixtures.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { readmeBlocks, type ReadmeBlock } from './support/readme-blocks.ts';
import { exitWithin, spawnDetached, spawnNode, type NodeChild } from './support/spawn-node.ts';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const blocks = readmeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const checked = blocks.filter((block) => ['ts', 'js', 'sh', 'yaml', 'python'].includes(block.lang));
const byMode = (mode: string, lang?: string) => checked.filter((b) => b.mode === mode && (lang === undefined || b.lang === lang));
const name = (block: ReadmeBlock) => `README line ${block.line} (${block.lang})`;

/** Scratch folder inside the repository, so examples resolve `openai` and `moonshot-mock` as a user's project would. */
const work = mkdtempSync(join(root, '.readme-examples-'));
let server: RunningServer;
let typeErrors = '';

/** The example with the documented address replaced by the test server's. */
const local = (code: string) => code.replaceAll('127.0.0.1:4000', new URL(server.url).host);

function pythonAbsence(): string | undefined {
  try {
    execFileSync('python3', ['-c', 'import openai'], { stdio: 'pipe' });
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code === 'ENOENT' ? 'no python3 on PATH' : 'python3 cannot import openai (pip install openai)';
  }
}

/** Expects the example to exit 0 within a minute with nothing on stderr; kills it whatever happens. */
async function expectCleanExit(child: NodeChild) {
  try {
    const exit = await exitWithin(child, 60_000);
    expect({ exit, stderr: child.output().stderr }).toEqual({ exit: { code: 0, signal: null }, stderr: '' });
  } finally {
    child.kill();
  }
}

/** Runs a server-starting command in the background until it prints its ready line, then stops its process group. */
async function expectServes(child: NodeChild) {
  try {
    await child.waitFor(/moonshot-mock listening on (http:\/\/\S+\/v1)/);
    child.kill('SIGTERM');
    await exitWithin(child, 30_000);
  } finally {
    child.kill();
  }
}

beforeAll(async () => {
  await exec('npm', ['run', 'build'], { cwd: root });
  server = await startServer({ port: 0, fixtures: [join(root, 'fixtures')], unmatched: 'generate', log: () => {} });
  cpSync(join(root, 'fixtures'), join(work, 'fixtures'), { recursive: true }); // a copy: a record-mode config may write beside it
  // A user's strict tsconfig; `moonshot-mock` resolves to this package itself (its exports, dist/).
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, types: ['node'] },
    include: ['*.ts'],
  }));
  const typed = [...byMode('run', 'ts'), ...byMode('typecheck', 'ts')];
  for (const block of typed) writeFileSync(join(work, `line-${block.line}.ts`), block.code);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  typeErrors = await exec(process.execPath, [tsc, '-p', work]).then(() => '', (err: { stdout: string }) => err.stdout);
}, 180_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('README examples', () => {
  it('marks every ts, js, sh, yaml and python block with how it is checked', () => {
    const known = ['run', 'typecheck', 'serve', 'config', 'fixture', 'help', 'python', 'docker', 'syntax'];
    expect(checked.filter((block) => !known.includes(block.mode ?? '')).map(name)).toEqual([]);
  });

  it('shows the --help text as the CLI prints it', () => {
    expect(blocks.filter((block) => block.mode === 'help').map((block) => block.code)).toEqual([`${usage}\n`]);
  });

  it.each(byMode('run', 'ts').concat(byMode('typecheck', 'ts')).map((b) => [name(b), b] as const))('%s type-checks', (_, block) => {
    expect(typeErrors.split('\n').filter((line) => line.startsWith(`line-${block.line}.ts`))).toEqual([]);
  });

  it.each(byMode('run').filter((b) => b.lang === 'ts' || b.lang === 'js').map((b) => [name(b), b] as const))('%s runs', async (_, block) => {
    const file = join(work, `run-${block.line}.${block.lang === 'ts' ? 'mts' : 'mjs'}`);
    writeFileSync(file, local(block.code));
    await expectCleanExit(spawnNode(block.lang === 'ts' ? ['--import', 'tsx', file] : [file], { cwd: root }));
  }, 90_000);

  it.each(byMode('run', 'sh').map((b) => [name(b), b] as const))('%s runs in bash', async (_, block) => {
    await expectCleanExit(spawnDetached('bash', ['-euo', 'pipefail', '-c', local(block.code)], { cwd: work }));
  }, 90_000);

  it.each(byMode('serve').flatMap((b) => b.code.split('\n').filter((l) => l.split('#')[0]!.trim() !== '').map((l) => [`${name(b)}: ${l.split('#')[0]!.trim()}`, l] as const)))(
    '%s serves',
    async (_, line) => {
      const command = line.split('#')[0]!.replace('--port 4000', '--port 0').replace('--watch', '');
      await expectServes(spawnDetached('bash', ['-c', `exec ${command}`], { cwd: root, env: { PORT: '0' } }));
    },
    90_000,
  );

  it.each(byMode('config').map((b) => [name(b), b] as const))('%s serves as a --config file', async (_, block) => {
    const file = join(work, `config-${block.line}.yaml`);
    writeFileSync(file, block.code);
    await expectServes(spawnNode([join(root, 'dist', 'bin.js'), '--config', file, '--port', '0'], { cwd: work }));
  }, 90_000);

  it.each(byMode('fixture').map((b) => [name(b), b] as const))('%s loads as a fixture file', (_, block) => {
    const file = join(work, `fixtures-${block.line}.yaml`);
    writeFileSync(file, block.code);
    const names = (parseYaml(block.code) as { fixtures: Array<{ name: string }> }).fixtures.map((f) => f.name);
    expect(loadFixtures([file]).map((fixture) => fixture.name)).toEqual(names);
  });

  it.each([...byMode('syntax'), ...byMode('docker')].map((b) => [name(b), b] as const))('%s is valid bash', async (_, block) => {
    await exec('bash', ['-n', '-c', block.code]);
  });

  const noPython = pythonAbsence();
  if (noPython !== undefined) console.warn(`README python examples skipped: ${noPython}`);
  it.skipIf(noPython !== undefined).each(byMode('python').map((b) => [name(b), b] as const))('%s runs', async (_, block) => {
    const file = join(work, `line-${block.line}.py`);
    writeFileSync(file, local(block.code));
    const { stdout } = await exec('python3', [file], { timeout: 60_000 });
    expect(stdout).toContain('It is sunny in Paris.');
  }, 90_000);
});
