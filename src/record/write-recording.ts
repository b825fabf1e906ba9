import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureFileSchema, type FixtureInput } from '../fixtures/fixture-schema.ts';

type FileData = { version: 1; fixtures: FixtureInput[] };

/** The `.json` files under `dir`, hidden ones and folders skipped, in path order. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.json') && !path.endsWith('.schema.json'))
    .filter((path) => !path.split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort()
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile());
}

function readFile(path: string): FileData | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as FileData;
    return Array.isArray(data?.fixtures) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a recorded fixture into `dir`: in place of the fixture of the same name wherever it is (so
 * re-recording a request never adds a second one), else appended to `file` (created as a version-1
 * file). The result is checked with the production fixture schema before it is written, and written
 * through a hidden temporary file and a rename, so a watcher or a crash never sees half a file.
 * Returns the path written and whether an existing fixture was replaced.
 */
export function writeRecording(dir: string, file: string, fixture: FixtureInput & { name: string }): { path: string; replaced: boolean } {
  mkdirSync(dir, { recursive: true });
  for (const path of jsonFiles(dir)) {
    const data = readFile(path);
    const at = data?.fixtures.findIndex((existing) => existing.name === fixture.name) ?? -1;
    if (data && at >= 0) {
      data.fixtures[at] = fixture;
      save(path, data);
      return { path, replaced: true };
    }
  }
  const path = join(dir, file);
  const data = readFile(path) ?? { version: 1, fixtures: [] };
  data.fixtures.push(fixture);
  save(path, data);
  return { path, replaced: false };
}

function save(path: string, data: FileData): void {
  fixtureFileSchema.parse(data);
  const temporary = join(path, '..', `.${path.split(/[\\/]/).pop()}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(temporary, path);
}
