import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.ts';
import { findClaudeCode } from '../support/claude-code-binary.ts';
import { anyDialectFixtures } from '../support/dialects.ts';

/** Claude Code's setup per Moonshot's guide, offline: the emulator's /anthropic, a key, the model everywhere, no other traffic. */
function claudeEnv(server: RunningServer, home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    ANTHROPIC_BASE_URL: `${server.url}/anthropic`,
    ANTHROPIC_AUTH_TOKEN: 'sk-test',
    ANTHROPIC_MODEL: 'kimi-k3',
    ANTHROPIC_DEFAULT_OPUS_MODEL: 'kimi-k3',
    ANTHROPIC_DEFAULT_SONNET_MODEL: 'kimi-k3',
    ANTHROPIC_DEFAULT_HAIKU_MODEL: 'kimi-k3',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    // Anything that is not loopback goes to a closed port: the run must need no network.
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
  };
}

/** Runs `claude -p` in its own process group; the group is killed when it ends or after `timeoutMs`, whatever happens. */
function runClaude(bin: string, args: string[], env: Record<string, string>, cwd: string, timeoutMs: number) {
  const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(killGroup, timeoutMs);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup();
      resolve({ code, stdout, stderr });
    });
  });
}

let claude: Awaited<ReturnType<typeof findClaudeCode>>;
let server: RunningServer;
const lines: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  claude = await findClaudeCode();
  if ('skip' in claude) console.warn(`Claude Code test skipped: ${claude.skip}`);
  server = await startServer({
    port: 0, fixtures: [anyDialectFixtures], unmatched: 'generate', logRequests: true, log: (line) => lines.push(line),
  });
}, 300_000);

afterAll(async () => {
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('Claude Code on the emulator', () => {
  it('completes a non-interactive prompt that runs a scripted Bash tool', async (context) => {
    if ('skip' in claude) return context.skip();
    const home = mkdtempSync(join(tmpdir(), 'cc-home-'));
    const work = mkdtempSync(join(tmpdir(), 'cc-work-'));
    dirs.push(home, work);
    const args = ['-p', 'Run the greeting script, please.', '--allowedTools', 'Bash(echo:*)', '--output-format', 'text'];
    const result = await runClaude(claude.bin, args, claudeEnv(server, home), work, 150_000);
    // The answer fixture only matches a tool result that holds what `echo` printed: the tool really ran.
    expect(result.stdout.trim(), result.stderr).toBe('The script printed hello-from-the-tool.');
    expect(result.code).toBe(0);
    expect(lines.filter((line) => line.startsWith('POST /anthropic/v1/messages 200')).length).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
