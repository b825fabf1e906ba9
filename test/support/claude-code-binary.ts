import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Where the test installs Claude Code (once; later runs reuse it). `CLAUDE_CODE_CACHE` overrides. */
export const claudeCodeCache = process.env.CLAUDE_CODE_CACHE ?? join(tmpdir(), 'moonshot-mock-claude-code');

/** The binaries an install may have left: the wrapper's bin (native once its postinstall ran) and the platform package's. */
function candidates(): string[] {
  const modules = join(claudeCodeCache, 'node_modules', '@anthropic-ai');
  const platform = `${process.platform}-${process.arch}`;
  return [
    ...(process.env.CLAUDE_CODE_BIN ? [process.env.CLAUDE_CODE_BIN] : []),
    join(modules, 'claude-code', 'bin', 'claude.exe'),
    join(modules, `claude-code-${platform}`, 'claude'),
    join(modules, `claude-code-${platform}-musl`, 'claude'),
  ];
}

/** The first candidate that runs `--version`, with that version. */
async function runnable(): Promise<{ bin: string; version: string } | undefined> {
  for (const bin of candidates().filter((path) => existsSync(path))) {
    try {
      const { stdout } = await exec(bin, ['--version'], { timeout: 30_000 });
      return { bin, version: stdout.trim() };
    } catch {
      // a placeholder stub or a binary for another libc: try the next
    }
  }
  return undefined;
}

/**
 * Claude Code, ready to run: `CLAUDE_CODE_BIN`, or an earlier install in `claudeCodeCache`, or — only
 * when `MOONSHOT_MOCK_INSTALL_CLAUDE_CODE=1`, since tests use no network beyond loopback by default —
 * a fresh `npm install @anthropic-ai/claude-code` there (about 240 MB; never a project dependency).
 * Resolves with why not when it cannot be had (not installed, no registry, no binary for this platform).
 */
export async function findClaudeCode(): Promise<{ bin: string; version: string } | { skip: string }> {
  const found = await runnable();
  if (found) return found;
  if (process.env.MOONSHOT_MOCK_INSTALL_CLAUDE_CODE !== '1') {
    return { skip: `Claude Code is not installed: set CLAUDE_CODE_BIN, or MOONSHOT_MOCK_INSTALL_CLAUDE_CODE=1 to install it into ${claudeCodeCache}` };
  }
  try {
    await exec('npm', ['install', '--prefix', claudeCodeCache, '--no-audit', '--no-fund', '--no-save', '@anthropic-ai/claude-code'], { timeout: 240_000 });
  } catch (error) {
    return { skip: `npm install @anthropic-ai/claude-code failed: ${(error as Error).message.split('\n')[0]}` };
  }
  return (await runnable()) ?? { skip: `@anthropic-ai/claude-code installed in ${claudeCodeCache}, but no binary there runs on ${process.platform}-${process.arch}` };
}
