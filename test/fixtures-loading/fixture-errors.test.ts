import { afterEach, describe, expect, it } from 'vitest';
import { FixtureError, formatFieldPath } from '../../src/fixtures/fixture-error.ts';
import { loadFixtureFiles, parseFixtureText } from '../../src/fixtures/load-fixtures.ts';
import { makeTempTree, yamlFile, type TempTree } from './make-temp-tree.ts';
import { thrownBy } from '../support/thrown-by.ts';

let tree: TempTree | undefined;
afterEach(() => tree?.remove());

/** The FixtureError that parsing `text` as `file` throws. */
function errorOf(text: string, file = 'fixtures/weather.yaml'): FixtureError {
  try {
    parseFixtureText(text, file);
  } catch (error) {
    if (error instanceof FixtureError) return error;
    throw error;
  }
  throw new Error('expected a FixtureError');
}

/** A version-1 file whose only fixture is `fixture` (YAML flow text). */
const withFixture = (fixture: string) => `version: 1\nfixtures:\n  - ${fixture}\n`;

describe('FixtureError messages', () => {
  it('names an unknown key with its path and lists the known keys of that object', () => {
    const text = `version: 1\nfixtures:\n${'  - reply: { content: x }\n'.repeat(2)}  - { match: { usr: hi }, reply: {} }\n`;
    const error = errorOf(text);
    expect(error).toMatchObject({ name: 'FixtureError', file: 'fixtures/weather.yaml', path: 'fixtures[2].match.usr' });
    expect(error.message).toBe(
      'Failed to load fixtures from fixtures/weather.yaml: fixtures[2].match.usr is not a known key. Check the spelling; ' +
        'known keys: model, user, system, lastRole, turn, tools, toolResult, thinking, responseFormat, partial, headers',
    );
  });

  it('finds the known keys inside unions, arrays and nested objects', () => {
    expect(errorOf(withFixture('{ match: { user: { regx: a } }, reply: {} }')).message).toMatch(
      /fixtures\[0\]\.match\.user\.regx is not a known key\. Check the spelling; known keys: contains, equals, startsWith, regex, ignoreCase$/,
    );
    expect(errorOf(withFixture('{ reply: { choices: [{ contnt: a }] } }')).path).toBe('fixtures[0].reply.choices[0].contnt');
    expect(errorOf('version: 1\nfixtures: []\nfixture: []\n').message).toMatch(/: fixture is not a known key\. .*known keys: \$schema, version, fixtures$/);
  });

  it('names every unknown key of one object', () => {
    expect(errorOf(withFixture('{ match: { usr: a, sytem: b }, reply: {} }')).message).toContain(
      'fixtures[0].match.usr and fixtures[0].match.sytem are not known keys. Check the spelling',
    );
  });

  it('quotes header names that are not identifiers in the path', () => {
    const error = errorOf(withFixture('{ match: { headers: { x-trace-id: { regx: a } } }, reply: {} }'));
    expect(error.path).toBe('fixtures[0].match.headers["x-trace-id"].regx');
    expect(formatFieldPath(['fixtures', 0, 'match', 'headers', 'X-Api', 'regex'])).toBe('fixtures[0].match.headers["X-Api"].regex');
  });

  it('says what type a field needs and what it found', () => {
    expect(errorOf(withFixture('{ priority: high, reply: {} }')).message).toBe(
      'Failed to load fixtures from fixtures/weather.yaml: fixtures[0].priority must be a number, not the string "high"',
    );
    expect(errorOf(withFixture('{ match: { user: 5 }, reply: {} }')).message).toContain('fixtures[0].match.user must be a string or an object, not the number 5');
    expect(errorOf(withFixture('{ afterLast: loop, replies: [{}] }')).message).toContain(
      'fixtures[0].afterLast must be one of "repeat", "cycle", "fallthrough", not the string "loop"',
    );
    expect(errorOf(withFixture('{ reply: { tool_calls: [{ arguments: {} }] } }')).message).toContain(
      'fixtures[0].reply.tool_calls[0].name is missing. Add it: it must be a string',
    );
    expect(errorOf(withFixture('{ reply: { tool_calls: [] } }')).message).toContain('fixtures[0].reply.tool_calls must have at least 1 item(s)');
  });

  it('reports the reply-or-replies rule at the fixture', () => {
    for (const fixture of ['{ match: {} }', '{ reply: {}, replies: [{}] }']) {
      const error = errorOf(withFixture(fixture));
      expect(error.path).toBe('fixtures[0]');
      expect(error.message).toBe(
        'Failed to load fixtures from fixtures/weather.yaml: fixtures[0] is invalid: a fixture needs exactly one of `reply` or `replies`',
      );
    }
  });

  it('asks for version 1 when the version is missing or different', () => {
    expect(errorOf('fixtures: []\n')).toMatchObject({
      path: 'version',
      message: 'Failed to load fixtures from fixtures/weather.yaml: version is missing. Add `version: 1` at the top of the file',
    });
    expect(errorOf('version: 2\nfixtures: []\n').message).toBe(
      'Failed to load fixtures from fixtures/weather.yaml: version is 2, but only format version 1 exists. Set `version: 1`',
    );
    expect(errorOf('version: "1"\nfixtures: []\n').message).toContain('version must be the number 1, not "1". Set `version: 1`');
  });

  it('explains an empty file, a file that is not a mapping and a missing fixtures list', () => {
    expect(errorOf('# nothing yet\n').message).toBe(
      'Failed to load fixtures from fixtures/weather.yaml: the file is empty. Start it with `version: 1` and a `fixtures` list',
    );
    expect(errorOf('- reply: {}\n').message).toContain('the file must hold a mapping (an object) with `version: 1` and a `fixtures` list');
    expect(errorOf('version: 1\n')).toMatchObject({ path: 'fixtures', message: expect.stringContaining('fixtures is missing. Add it: it must be an array') });
  });

  it('gives the line and column of YAML and JSON syntax errors', () => {
    const yaml = errorOf('version: 1\nfixtures:\n  - reply: { content: "a"\n');
    expect(yaml.path).toBe('');
    expect(yaml.message).toMatch(/^Failed to load fixtures from fixtures\/weather\.yaml: the file is not valid YAML at line 4:1: .+\. Fix the syntax there$/);
    const json = errorOf('{"version": 1, "fixtures": [}', 'fx/a.json');
    expect(json.message).toMatch(/^Failed to load fixtures from fx\/a\.json: the file is not valid JSON at line 1:29: /);
    expect(errorOf('version: 1\nversion: 1\nfixtures: []\n').message).toContain('not valid YAML at line 2:1: Map keys must be unique');
    expect(errorOf('version: 1\nfixtures:\n  - reply: *missing\n').message).toContain('the file is not valid YAML: Unresolved alias');
  });

  it('rejects a regex that does not compile, naming the condition', () => {
    const user = errorOf(withFixture('{ match: { user: { regex: "weather in (\\\\w+" } }, reply: {} }'));
    expect(user.path).toBe('fixtures[0].match.user.regex');
    expect(user.message).toMatch(
      /^Failed to load fixtures from fixtures\/weather\.yaml: fixtures\[0\]\.match\.user\.regex is not a valid regular expression: Unterminated group\. Fix the pattern/,
    );
    expect(errorOf(withFixture('{ match: { system: { regex: "[a-" } }, reply: {} }')).path).toBe('fixtures[0].match.system.regex');
    expect(errorOf(withFixture('{ match: { headers: { x-env: { regex: "*" } } }, reply: {} }')).path).toBe('fixtures[0].match.headers["x-env"].regex');
  });

  it('rejects a name used twice across files, naming both sources', async () => {
    tree = makeTempTree({ 'fx/a.yaml': yamlFile('first', 'greet'), 'fx/b.yaml': yamlFile('greet') });
    const error = thrownBy(() => loadFixtureFiles(['fx'], { cwd: tree!.dir }));
    expect(error).toMatchObject({ file: 'fx/b.yaml', path: 'fixtures[0].name' });
    expect((error as Error).message).toBe(
      'Failed to load fixtures from fx/b.yaml: fixtures[0].name uses the name "greet" (at fx/b.yaml#0), already taken by fx/a.yaml#1. ' +
        'Rename one of them: names are unique across all loaded fixtures',
    );
  });

  it('rejects a name used twice within one file', () => {
    const error = errorOf('version: 1\nfixtures:\n  - { name: a, reply: {} }\n  - { name: a, reply: {} }\n');
    expect(error).toMatchObject({ path: 'fixtures[1].name', message: expect.stringContaining('already taken by fixtures/weather.yaml#0') });
  });

  it('names the valid fault kinds when the kind is unknown', () => {
    expect(errorOf(withFixture('{ fault: { kind: nope }, reply: {} }')).message).toContain(
      'fixtures[0].fault.kind must be one of "http", "timeout", "disconnect", "error_event", "stall", "malformed_chunk", "truncate", not the string "nope"',
    );
  });

  it("lists the known keys of the fault's own kind", () => {
    expect(errorOf(withFixture('{ fault: { kind: disconnect, after_chunk: 3 }, reply: {} }')).message).toContain(
      'fixtures[0].fault.after_chunk is not a known key. Check the spelling; known keys: kind, when, after_chunks, after_ms',
    );
  });
});
