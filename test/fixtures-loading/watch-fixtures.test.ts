import { closeSync, mkdirSync, openSync, renameSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFixtureSet, type FixtureSet } from '../../src/fixtures/fixture-set.ts';
import { loadFixtures } from '../../src/fixtures/load-fixtures.ts';
import { watchFixtures, type FixtureWatcher, type WatchFixturesOptions } from '../../src/fixtures/watch-fixtures.ts';
import { makeTempTree, yamlFile, type TempTree } from './make-temp-tree.ts';

/** Generous for a loaded 2-core CI machine; a passing run returns as soon as the condition holds. */
const wait = { timeout: 30_000, interval: 10 }; // generous: a loaded machine delays fs events

let tree: TempTree | undefined;
let watcher: FixtureWatcher | undefined;
afterEach(() => {
  vi.useRealTimers();
  watcher?.close();
  tree?.remove();
});

/** Loads `entries` from a temp tree of `files` and watches them; `lines` collects the log. */
async function watched(files: Record<string, string>, entries: unknown[] = ['fx'], debounceMs = 20) {
  tree = makeTempTree(files);
  const set: FixtureSet = createFixtureSet(await loadFixtures(entries, { cwd: tree.dir }));
  const lines: string[] = [];
  watcher = watchFixtures(entries, set, (line) => lines.push(line), { cwd: tree.dir, debounceMs });
  return { set, lines, dir: tree.dir, write: tree.write };
}

const names = (set: FixtureSet) => set.current().map((f) => f.name);
const count = (kind: string) => process.getActiveResourcesInfo().filter((resource) => resource === kind).length;

describe('watchFixtures', () => {
  it('reloads the set when a watched file changes and logs the count', async () => {
    const { set, lines, write } = await watched({ 'fx/a.yaml': yamlFile('one') });
    write('fx/a.yaml', yamlFile('one', 'two'));
    await vi.waitFor(() => expect(names(set)).toEqual(['one', 'two']), wait);
    expect(set.version).toBeGreaterThanOrEqual(1);
    expect(lines.at(-1)).toBe('moonshot-mock: reloaded 2 fixtures from fx');
  });

  it('sees files added in new subdirectories and files removed', async () => {
    const { set, dir, write } = await watched({ 'fx/a.yaml': yamlFile('a'), 'fx/old.yaml': yamlFile('old') });
    mkdirSync(join(dir, 'fx', 'sub', 'deeper'), { recursive: true });
    write('fx/sub/deeper/b.yaml', yamlFile('b'));
    await vi.waitFor(() => expect(names(set)).toEqual(['a', 'old', 'b']), wait);
    write('fx/sub/deeper/b.yaml', yamlFile('b2'));
    await vi.waitFor(() => expect(names(set)).toEqual(['a', 'old', 'b2']), wait);
    rmSync(join(dir, 'fx', 'old.yaml'));
    await vi.waitFor(() => expect(names(set)).toEqual(['a', 'b2']), wait);
  });

  it('sees an atomic save (write a temp file, rename it over the original) of a file given directly', async () => {
    const { set, dir } = await watched({ 'fx/a.yaml': yamlFile('one') }, ['fx/a.yaml']);
    writeFileSync(join(dir, 'fx', '.a.yaml.tmp'), yamlFile('saved'));
    renameSync(join(dir, 'fx', '.a.yaml.tmp'), join(dir, 'fx', 'a.yaml'));
    await vi.waitFor(() => expect(names(set)).toEqual(['saved']), wait);
    writeFileSync(join(dir, 'fx', 'a.yaml'), yamlFile('again'));
    await vi.waitFor(() => expect(names(set)).toEqual(['again']), wait);
  });

  it('keeps the last good set and logs the error when a file breaks, then recovers when it is fixed', async () => {
    const { set, lines, write } = await watched({ 'fx/a.yaml': yamlFile('one', 'two') });
    write('fx/a.yaml', 'version: 1\nfixtures:\n  - { name: one, match: { usr: hi }, reply: {} }\n');
    await vi.waitFor(() => expect(lines.at(-1)).toContain('keeping the last good set'), wait);
    expect(lines.at(-1)).toBe(
      'moonshot-mock: Failed to load fixtures from fx/a.yaml: fixtures[0].match.usr is not a known key. Check the spelling; known keys: ' +
        'model, user, system, lastRole, turn, tools, toolResult, thinking, responseFormat, partial, headers; keeping the last good set (2 fixtures)',
    );
    expect(names(set)).toEqual(['one', 'two']);
    expect(set.version).toBe(0);
    write('fx/a.yaml', yamlFile('fixed'));
    await vi.waitFor(() => expect(names(set)).toEqual(['fixed']), wait);
    expect(lines.at(-1)).toBe('moonshot-mock: reloaded 1 fixture from fx');
  });

  it('survives the watched directory being deleted and recreated', async () => {
    const { set, lines, dir, write } = await watched({ 'fx/a.yaml': yamlFile('a') });
    rmSync(join(dir, 'fx'), { recursive: true });
    await vi.waitFor(() => expect(lines.at(-1)).toMatch(/fx: no such file or directory .*; keeping the last good set \(1 fixture\)$/), wait);
    write('fx/b.yaml', yamlFile('b'));
    await vi.waitFor(() => expect(names(set)).toEqual(['b']), wait);
  });

  it('keeps inline fixtures in their place on reload', async () => {
    const { set, write } = await watched({ 'fx/a.yaml': yamlFile('a') }, [{ name: 'inline', reply: {} }, 'fx']);
    write('fx/a.yaml', yamlFile('a2'));
    await vi.waitFor(() => expect(names(set)).toEqual(['inline', 'a2']), wait);
  });

  it('ignores changes to files that are not fixture files', async () => {
    const { set, lines, write } = await watched({ 'fx/a.yaml': yamlFile('a') });
    write('fx/notes.txt', 'hello');
    write('fx/moonshot-mock.schema.json', '{}');
    write('fx/b.yaml', yamlFile('b'));
    await vi.waitFor(() => expect(names(set)).toEqual(['a', 'b']), wait);
    expect(lines).toEqual(['moonshot-mock: reloaded 2 fixtures from fx']);
  });

  it('never throws when the log function throws', async () => {
    tree = makeTempTree({ 'fx/a.yaml': yamlFile('a') });
    const set = createFixtureSet([]);
    const log = vi.fn(() => {
      throw new Error('log is broken');
    });
    watcher = watchFixtures(['fx'], set, log, { cwd: tree.dir, debounceMs: 5 });
    tree.write('fx/a.yaml', yamlFile('b'));
    await vi.waitFor(() => expect(log).toHaveBeenCalled(), wait);
    expect(names(set)).toEqual(['b']);
  });

  it('waits for a quiet period of debounceMs before reloading', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { set, lines, write } = await watched({ 'fx/a.yaml': yamlFile('a') }, ['fx'], 50);
    write('fx/a.yaml', yamlFile('b'));
    // Poll without vi.waitFor, which would advance the fake timers itself.
    const started = performance.now();
    while (vi.getTimerCount() === 0 && performance.now() - started < 30_000) await new Promise((r) => setImmediate(r));
    expect(vi.getTimerCount()).toBe(2); // the debounce and the max wait
    await vi.advanceTimersByTimeAsync(49);
    expect(lines).toEqual([]);
    // A late second event of the same write restarts the period, and the files must read the same
    // twice settleMs apart, so keep advancing until the reload.
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(1);
      expect(names(set)).toEqual(['b']);
    }, wait);
  });

  it('releases every watcher and a pending reload timer on close', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await vi.waitFor(() => expect(count('FSEventWrap')).toBe(0), wait);
    const { set, lines, write } = await watched({ 'fx/a.yaml': yamlFile('a'), 'fx/sub/b.yaml': yamlFile('b') });
    expect(count('FSEventWrap')).toBe(3); // fx's parent (for fx itself), fx and fx/sub
    write('fx/a.yaml', yamlFile('changed'));
    await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(0), wait);
    watcher!.close();
    watcher!.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.waitFor(() => expect(count('FSEventWrap')).toBe(0), wait);
    expect(names(set)).toEqual(['a', 'b']);
    expect(lines).toEqual([]);
  });
});

/** Watches `fx` in a temp tree holding `fx/a.yaml`; `loaded` lists the names of every set put in force. */
function watchedWithLog(initial: string, options: WatchFixturesOptions) {
  tree = makeTempTree({ 'fx/a.yaml': initial });
  const set: FixtureSet = createFixtureSet(loadFixtures(['fx'], { cwd: tree.dir }));
  const loaded: string[][] = [];
  const replace = set.replace.bind(set);
  set.replace = (next) => {
    loaded.push(next.map((fixture) => fixture.name));
    replace(next);
  };
  const lines: string[] = [];
  watcher = watchFixtures(['fx'], set, (line) => lines.push(line), { cwd: tree.dir, ...options });
  return { set, loaded, lines, file: join(tree.dir, 'fx', 'a.yaml') };
}

/** Lets fs events in (real I/O) until the watcher has armed a timer, without moving the fake clock. */
async function untilTimerArmed() {
  const started = performance.now();
  while (vi.getTimerCount() === 0 && performance.now() - started < 30_000) await new Promise((resolve) => setImmediate(resolve));
  expect(vi.getTimerCount()).toBeGreaterThan(0);
}

describe('watchFixtures against slow writers and storms', () => {
  it('never loads a file a slow writer has half written (truncate, write part, pause past the debounce, finish)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { set, loaded, file } = watchedWithLog(yamlFile('old'), { debounceMs: 50, settleMs: 200, maxWaitMs: 1000 });
    const full = yamlFile('one', 'two', 'three');
    const part = yamlFile('one'); // a valid file on its own: the dangerous case
    expect(full.startsWith(part)).toBe(true);
    const fd = openSync(file, 'w');
    writeSync(fd, part);
    await untilTimerArmed();
    await vi.advanceTimersByTimeAsync(120); // past the debounce: the first read sees the part
    writeSync(fd, full.slice(part.length));
    closeSync(fd);
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(50);
      expect(names(set)).toEqual(['one', 'two', 'three']);
    }, wait);
    expect(loaded.every((list) => list.length === 3)).toBe(true);
  });

  it('reloads within maxWaitMs while changes keep coming faster than the debounce', async () => {
    const { set, file } = watchedWithLog(yamlFile('old'), { debounceMs: 100, settleMs: 20, maxWaitMs: 300 });
    const fd = openSync(file, 'w');
    writeSync(fd, yamlFile('new'));
    closeSync(fd);
    // A storm of metadata changes every ~10 ms: each one is an fs event that restarts the debounce.
    let touches = 0;
    const storm = setInterval(() => {
      try {
        utimesSync(file, new Date(), new Date(2000 + (touches++ % 20), 0));
      } catch {
        // the tree is gone once the test ends
      }
    }, 10);
    try {
      await vi.waitFor(() => expect(names(set)).toEqual(['new']), wait);
    } finally {
      clearInterval(storm);
    }
    expect(touches).toBeGreaterThan(5);
  });
});
