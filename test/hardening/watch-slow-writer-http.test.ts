import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureSet } from '../../src/fixtures/fixture-set.ts';
import { loadFixtures } from '../../src/fixtures/load-fixtures.ts';
import { watchFixtures, type FixtureWatcher } from '../../src/fixtures/watch-fixtures.ts';
import { makeTempTree, type TempTree } from '../fixtures-loading/make-temp-tree.ts';
import { chat, mockApp } from '../support/mock-app.ts';

let tree: TempTree | undefined;
let watcher: FixtureWatcher | undefined;
afterEach(() => {
  watcher?.close();
  tree?.remove();
});

const words = ['one', 'two', 'three'];
/** Version `v` of the file: one fixture per word, each answering `v{v} {word}`, and one long reply. */
const file = (v: number) =>
  `version: 1\nfixtures:\n${words.map((word) => `  - name: ${word}\n    match: { user: ${word} }\n    reply: { content: "v${v} ${word}" }\n`).join('')}`;

describe('--watch with a slow writer, through HTTP', () => {
  it('never answers from a half-written file while a writer truncates, writes part, pauses and finishes', { timeout: 120_000 }, async () => {
    tree = makeTempTree({ 'fx/a.yaml': file(0) });
    const set = createFixtureSet(loadFixtures(['fx'], { cwd: tree.dir }));
    // The writer's pause (150 ms) is well past the debounce and far inside the settle time, so a
    // loaded machine that runs the writer late still finishes before the second read.
    watcher = watchFixtures(['fx'], set, () => {}, { cwd: tree.dir, debounceMs: 30, settleMs: 1200, maxWaitMs: 500 });
    const app = mockApp({ fixtureSet: set, unmatched: 'error' });
    const target = join(tree.dir, 'fx', 'a.yaml');
    expect((await chat(app, { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'one' }] })).status).toBe(200); // warm the token counter
    let writing = true;
    const answers: string[] = [];
    const requests = (async () => {
      for (let i = 0; writing || i % words.length !== 0; i++) {
        const word = words[i % words.length]!;
        const res = await chat(app, { model: 'kimi-k2.6', messages: [{ role: 'user', content: word }] });
        answers.push(res.status === 200 ? `${word}: ${res.json.choices[0].message.content}` : `${word}: ${res.status} ${res.json?.error?.type}`);
        await pause(5);
      }
    })();
    for (let v = 1; v <= 2; v++) {
      const text = file(v);
      const cut = text.indexOf('  - name: two'); // the part holds a complete first fixture: valid YAML
      const fd = openSync(target, 'w');
      writeSync(fd, text.slice(0, cut));
      await pause(150);
      writeSync(fd, text.slice(cut));
      closeSync(fd);
      for (let waited = 0; set.current()[0]?.reply?.content !== `v${v} one` && waited < 60_000; waited += 20) await pause(20);
    }
    writing = false;
    await requests;
    const wrong = answers.filter((answer) => !/^(one|two|three): v\d \1$/.test(answer));
    expect(wrong).toEqual([]);
    // A request in flight when the last set went in may still answer from the one before; new ones do not.
    for (const word of words) {
      const res = await chat(app, { model: 'kimi-k2.6', messages: [{ role: 'user', content: word }] });
      expect(res.json.choices[0].message.content).toBe(`v2 ${word}`);
    }
    expect(set.version).toBeGreaterThanOrEqual(2);
  });
});
