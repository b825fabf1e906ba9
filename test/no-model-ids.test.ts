import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const catalog = join(src, 'catalog');

/** Every file under src/ except the catalog folder, where model ids belong. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === catalog ? [] : sourceFiles(path);
    return [path];
  });
}

describe('model ids', () => {
  it('appear in src/ only inside src/catalog/ (rules are data, code names no model)', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const quoted = /['"`](kimi-k\d[^'"`]*|moonshot-v1[^'"`]*)['"`]/.exec(text);
      const anywhere = /\b(kimi-(k\d|latest|thinking)[\w.-]*|moonshot-v1[\w-]*)/.exec(text);
      const hit = quoted ?? anywhere;
      return hit ? [`${relative(src, file)}: ${hit[1]}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
