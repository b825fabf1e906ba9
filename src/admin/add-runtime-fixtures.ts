import type { Namespace } from '../deps.ts';
import { FixtureError, formatFieldPath } from '../fixtures/fixture-error.ts';
import type { Fixture } from '../fixtures/fixture-schema.ts';
import { parseFixtureText } from '../fixtures/load-fixtures.ts';

/** How runtime fixtures are named in errors and sources (`runtime#3`). */
export const RUNTIME_FILE = 'runtime';

/**
 * Parses a fixture file's text (YAML or JSON, the file format with `version: 1`) and adds its
 * fixtures to the namespace's runtime fixtures, after those already added. Unnamed fixtures are named
 * `runtime#{n}`, n counting the namespace's runtime fixtures. Throws the FixtureError a file would
 * give (file `runtime`), or one naming a clash with a fixture already loaded.
 */
export function addRuntimeFixtures(namespace: Namespace, files: readonly Fixture[], text: string): Fixture[] {
  const parsed = parseFixtureText(text, RUNTIME_FILE);
  const existing = namespace.runtime.current();
  const taken = new Map([...files, ...existing].map((fixture) => [fixture.name, fixture.source]));
  const added = parsed.map((fixture, index) => {
    const source = `${RUNTIME_FILE}#${existing.length + index}`;
    const named = fixture.name !== fixture.source;
    const renamed = { ...fixture, name: named ? fixture.name : source, source };
    const first = taken.get(renamed.name);
    if (first !== undefined) {
      throw new FixtureError(
        RUNTIME_FILE,
        formatFieldPath(['fixtures', index, 'name']),
        `uses the name ${JSON.stringify(renamed.name)}, already taken by ${first}. Rename it: names are unique across all loaded fixtures`,
      );
    }
    taken.set(renamed.name, source);
    return renamed;
  });
  namespace.runtime.replace([...existing, ...added]);
  return added;
}
