import { describe, expect, it } from 'vitest';
import { createFixtureSet, type FixtureSetChange } from '../../src/fixtures/fixture-set.ts';
import { parseInlineFixtures } from '../../src/fixtures/load-fixtures.ts';

const fixtures = (...inputs: object[]) => parseInlineFixtures(inputs);

/** A set and the changes it announces. */
function watched(...inputs: object[]) {
  const set = createFixtureSet(fixtures(...inputs));
  const changes: FixtureSetChange[] = [];
  set.subscribe((change) => changes.push(change));
  return { set, changes };
}

describe('createFixtureSet', () => {
  it('holds the initial fixtures at version 0', () => {
    const initial = fixtures({ name: 'a', reply: {} });
    const set = createFixtureSet(initial);
    expect(set.current()).toEqual(initial);
    expect(set.version).toBe(0);
  });

  it('announces a reset to its listeners without changing the version', () => {
    const { set, changes } = watched({ name: 'a', reply: {} });
    set.resetCalls();
    expect(changes).toEqual([{ kind: 'reset' }]);
    expect(set.version).toBe(0);
  });

  it('replaces the fixtures, increments the version and leaves earlier snapshots untouched', () => {
    const set = createFixtureSet(fixtures({ name: 'a', reply: {} }));
    const before = set.current();
    set.replace(fixtures({ name: 'b', reply: {} }));
    expect(set.version).toBe(1);
    expect(set.current().map((f) => f.name)).toEqual(['b']);
    expect(before.map((f) => f.name)).toEqual(['a']);
    expect(Object.isFrozen(set.current())).toBe(true);
  });

  it('names no change for fixtures whose definition is unchanged, even if they moved', () => {
    const { set, changes } = watched({ name: 'a', replies: [{ content: '1' }, { content: '2' }] }, { name: 'b', reply: {} });
    set.replace(fixtures({ name: 'new', reply: {} }, { name: 'b', reply: {} }, { replies: [{ content: '1' }, { content: '2' }], name: 'a' }));
    expect(changes).toEqual([{ kind: 'replaced', changed: [] }]);
  });

  it('names no change when only key order or defaults written out differ', () => {
    const { set, changes } = watched({ name: 'a', reply: { tool_calls: [{ name: 't', arguments: { x: 1, y: 2 } }] } });
    set.replace(fixtures({ priority: 0, reply: { tool_calls: [{ arguments: { y: 2, x: 1 }, name: 't' }] }, name: 'a' }));
    expect(changes).toEqual([{ kind: 'replaced', changed: [] }]);
  });

  it('names the fixtures whose definition changed or that disappeared', () => {
    const { set, changes } = watched({ name: 'changed', replies: [{ content: '1' }] }, { name: 'gone', reply: {} }, { name: 'same', reply: {} });
    set.replace(fixtures({ name: 'changed', replies: [{ content: '1' }, { content: '2' }] }, { name: 'same', reply: {} }));
    expect(changes).toEqual([{ kind: 'replaced', changed: ['changed', 'gone'] }]);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const set = createFixtureSet([]);
    const changes: FixtureSetChange[] = [];
    const stop = set.subscribe((change) => changes.push(change));
    stop();
    set.resetCalls();
    expect(changes).toEqual([]);
  });
});
