import { closeSync, openSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFixtureSet, type FixtureSet } from '../../src/fixtures/fixture-set.ts';
import { loadFixtures } from '../../src/fixtures/load-fixtures.ts';
import { watchFixtures, type FixtureWatcher, type WatchFixturesOptions } from '../../src/fixtures/watch-fixtures.ts';
import { makeTempTree, yamlFile, type TempTree } from './make-temp-tree.ts';

/** Generous for a loaded 2-core CI machine; a passing run returns as soon as the condition holds. */
const wait = { timeout: 10_000, interval: 10 };

let tree: TempTree | undefined;
let watcher: FixtureWatcher | undefined;
afterEach(() => {
  vi.useRealTimers();
  watcher?.close();
  tree?.remove();
});

/** Watches `fx` in a temp tree holding `fx/a.yaml`; `loaded` lists the names of every set put in force. */
function watched(initial: string, options: WatchFixturesOptions) {
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
  for (let i = 0; i < 20_000 && vi.getTimerCount() === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  expect(vi.getTimerCount()).toBeGreaterThan(0);
}

const names = (set: FixtureSet) => set.current().map((f) => f.name);

describe('watchFixtures against slow writers and storms', { timeout: 30_000 }, () => {
  it('never loads a file a slow writer has half written (truncate, write part, pause past the debounce, finish)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { set, loaded, file } = watched(yamlFile('old'), { debounceMs: 50, settleMs: 200, maxWaitMs: 1000 });
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
    const { set, file } = watched(yamlFile('old'), { debounceMs: 100, settleMs: 20, maxWaitMs: 300 });
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
