import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixtureError } from '../../src/fixtures/fixture-error.ts';
import { isFixtureFileName, loadFixtureFiles, loadFixtures, parseInlineFixtures } from '../../src/fixtures/load-fixtures.ts';
import { makeTempTree, yamlFile, type TempTree } from './make-temp-tree.ts';
import { thrownBy } from '../support/thrown-by.ts';

let tree: TempTree | undefined;
afterEach(() => tree?.remove());

function temp(files: Record<string, string>): TempTree {
  tree = makeTempTree(files);
  return tree;
}

const unnamed = (content: string) => `version: 1\nfixtures:\n  - reply: { content: ${content} }\n  - reply: { content: ${content}-2 }\n`;

describe('loadFixtureFiles', () => {
  it('walks directories recursively and reads files in plain string order of their relative paths', async () => {
    const { dir } = temp({
      'fx/b.yaml': yamlFile('b'),
      'fx/a/z.yml': yamlFile('a-z'),
      'fx/a.json': JSON.stringify({ version: 1, fixtures: [{ name: 'a-json', reply: { content: 'x' } }] }),
      'fx/A.yaml': yamlFile('upper-a'),
      'fx/a/b/c.yaml': yamlFile('a-b-c'),
    });
    const fixtures = await loadFixtureFiles(['fx'], { cwd: dir });
    expect(fixtures.map((f) => f.source)).toEqual(['fx/A.yaml#0', 'fx/a.json#0', 'fx/a/b/c.yaml#0', 'fx/a/z.yml#0', 'fx/b.yaml#0']);
    expect(fixtures.map((f) => f.name)).toEqual(['upper-a', 'a-json', 'a-b-c', 'a-z', 'b']);
  });

  it('reads the given paths in the given order, files and directories alike', async () => {
    const { dir } = temp({ 'one.yaml': yamlFile('one'), 'fx/two.yaml': yamlFile('two') });
    const fixtures = await loadFixtureFiles(['fx', 'one.yaml'], { cwd: dir });
    expect(fixtures.map((f) => f.name)).toEqual(['two', 'one']);
  });

  it('names unnamed fixtures {file}#{index} after the path as given, normalised with forward slashes', async () => {
    const { dir } = temp({ 'fx/sub/weather.yaml': unnamed('sunny') });
    const fixtures = await loadFixtureFiles(['./fx/'], { cwd: dir });
    expect(fixtures.map((f) => [f.name, f.source])).toEqual([
      ['fx/sub/weather.yaml#0', 'fx/sub/weather.yaml#0'],
      ['fx/sub/weather.yaml#1', 'fx/sub/weather.yaml#1'],
    ]);
    const absolute = await loadFixtureFiles([join(dir, 'fx', 'sub', 'weather.yaml')]);
    expect(absolute[0]!.name).toBe(`${join(dir, 'fx', 'sub', 'weather.yaml').split('\\').join('/')}#0`);
  });

  it('parses YAML and JSON files into fixtures with the schema defaults applied', async () => {
    const { dir } = temp({
      'a.yaml': 'version: 1\nfixtures:\n  - match: { user: hi }\n    reply: { content: hello }\n',
      'b.json': '{"version": 1, "fixtures": [{"match": {"model": ["kimi-k2.6"]}, "replies": [{"content": "x"}]}]}',
    });
    const [yaml, json] = await loadFixtureFiles(['a.yaml', 'b.json'], { cwd: dir });
    expect(yaml).toEqual({ name: 'a.yaml#0', source: 'a.yaml#0', priority: 0, afterLast: 'repeat', match: { user: 'hi' }, reply: { content: 'hello' } });
    expect(json).toMatchObject({ name: 'b.json#0', match: { model: ['kimi-k2.6'] }, replies: [{ content: 'x' }] });
  });

  it('accepts YAML anchors, aliases and merge keys', async () => {
    const { dir } = temp({
      'a.yaml': 'version: 1\nfixtures:\n  - name: one\n    reply: &r { content: shared }\n  - name: two\n    reply: { <<: *r, finish_reason: stop }\n',
    });
    const [one, two] = await loadFixtureFiles(['a.yaml'], { cwd: dir });
    expect([one!.reply, two!.reply]).toEqual([{ content: 'shared' }, { content: 'shared', finish_reason: 'stop' }]);
  });

  it('skips other extensions, *.schema.json files and hidden files and directories while walking', async () => {
    const { dir } = temp({
      'fx/keep.yaml': yamlFile('keep'),
      'fx/notes.txt': 'not yaml: [',
      'fx/moonshot-mock.schema.json': '{"type": "object"}',
      'fx/.#keep.yaml': 'broken: [',
      'fx/.git/config.yaml': 'broken: [',
    });
    expect((await loadFixtureFiles(['fx'], { cwd: dir })).map((f) => f.name)).toEqual(['keep']);
    expect([isFixtureFileName('a.YML'), isFixtureFileName('a.Schema.JSON'), isFixtureFileName('a.yaml~')]).toEqual([true, false, false]);
  });

  it('reads a file given explicitly whatever its extension', async () => {
    const { dir } = temp({ 'fixtures.txt': yamlFile('txt') });
    expect((await loadFixtureFiles(['fixtures.txt'], { cwd: dir })).map((f) => f.name)).toEqual(['txt']);
  });

  it('gives [] for an empty directory and for a file with an empty fixture list', async () => {
    const { dir } = temp({ 'empty/.keep': '', 'none.yaml': yamlFile() });
    expect(await loadFixtureFiles(['empty', 'none.yaml'], { cwd: dir })).toEqual([]);
  });

  it('reads a file reached twice only once, at its first place', async () => {
    const { dir } = temp({ 'fx/a.yaml': yamlFile('a'), 'fx/b.yaml': yamlFile('b') });
    symlinkSync(join(dir, 'fx'), join(dir, 'fx', 'loop'));
    const fixtures = await loadFixtureFiles(['fx/b.yaml', 'fx'], { cwd: dir });
    expect(fixtures.map((f) => f.source)).toEqual(['fx/b.yaml#0', 'fx/a.yaml#0']);
  });

  it('throws a FixtureError naming a path that does not exist', async () => {
    const { dir } = temp({});
    const error = thrownBy(() => loadFixtureFiles(['fx/wether.yaml'], { cwd: dir }));
    expect(error).toBeInstanceOf(FixtureError);
    expect(error).toMatchObject({ file: 'fx/wether.yaml', path: '' });
    expect((error as Error).message).toBe(
      `Failed to load fixtures from fx/wether.yaml: no such file or directory (resolved to ${join(dir, 'fx', 'wether.yaml')}). Check the path`,
    );
  });
});

describe('parseInlineFixtures', () => {
  it('validates fixture objects, applies defaults and names them inline#{i}', () => {
    const fixtures = parseInlineFixtures([{ reply: { content: 'a' } }, { name: 'named', match: { turn: 2 }, replies: [{ content: 'b' }] }]);
    expect(fixtures.map((f) => [f.name, f.source, f.priority, f.afterLast])).toEqual([
      ['inline#0', 'inline#0', 0, 'repeat'],
      ['named', 'inline#1', 0, 'repeat'],
    ]);
  });

  it('reports errors with file inline and the fixture index in the path', () => {
    expect(() => parseInlineFixtures([{ reply: { content: 'a' } }, { match: { usr: 'x' }, reply: {} }])).toThrow(
      expect.objectContaining({ file: 'inline', path: 'fixtures[1].match.usr' }),
    );
    expect(() => parseInlineFixtures(['weather'])).toThrow(
      'Failed to load fixtures from inline: fixtures[0] must be an object, not the string "weather"',
    );
    expect(() => parseInlineFixtures([{ match: { system: { regex: '[' } }, reply: {} }])).toThrow(
      expect.objectContaining({ file: 'inline', path: 'fixtures[0].match.system.regex' }),
    );
  });
});

describe('loadFixtures', () => {
  it('loads paths and inline fixtures in list order and checks names across both', async () => {
    const { dir } = temp({ 'a.yaml': yamlFile('a'), 'b.yaml': yamlFile('b') });
    const fixtures = await loadFixtures(['a.yaml', { reply: { content: 'x' } }, 'b.yaml', { name: 'y', reply: {} }], { cwd: dir });
    expect(fixtures.map((f) => f.source)).toEqual(['a.yaml#0', 'inline#0', 'b.yaml#0', 'inline#1']);
    expect(() => loadFixtures(['a.yaml', { name: 'a', reply: {} }], { cwd: dir })).toThrow(
      'Failed to load fixtures from inline: fixtures[0].name uses the name "a" (at inline#0), already taken by a.yaml#0.',
    );
  });
});
