import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary directory holding `files` (relative path → text); `remove()` deletes it all. */
export interface TempTree {
  dir: string;
  /** Writes (or overwrites) a file, creating its directories. */
  write(relative: string, text: string): void;
  remove(): void;
}

/** Creates a temp directory under `os.tmpdir()` and writes `files` into it. */
export function makeTempTree(files: Record<string, string> = {}): TempTree {
  const dir = mkdtempSync(join(tmpdir(), 'moonshot-mock-fixtures-'));
  const write = (relative: string, text: string) => {
    const target = join(dir, relative);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  for (const [relative, text] of Object.entries(files)) write(relative, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid YAML fixture file with one fixture per name, each replying with its name. */
export function yamlFile(...names: string[]): string {
  const fixtures = names.map((name) => `  - name: ${name}\n    reply: { content: ${name} }\n`).join('');
  return `version: 1\nfixtures:\n${fixtures || '  []\n'}`;
}
