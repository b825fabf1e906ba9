import { describe, expect, it } from 'vitest';
import { createFixtureSet } from '../../src/fixtures/fixture-set.ts';
import { parseInlineFixtures } from '../../src/fixtures/load-fixtures.ts';

const fixtures = (...inputs: object[]) => parseInlineFixtures(inputs);

describe('createFixtureSet', () => {
  it('holds the initial fixtures at version 0 with no calls counted', () => {
    const initial = fixtures({ name: 'a', reply: {} });
    const set = createFixtureSet(initial);
    expect(set.current()).toEqual(initial);
    expect(set.version).toBe(0);
    expect(set.calls.size).toBe(0);
  });

  it('counts calls per fixture name and returns the new count', () => {
    const set = createFixtureSet(fixtures({ name: 'a', reply: {} }, { name: 'b', reply: {} }));
    expect([set.recordCall('a'), set.recordCall('a'), set.recordCall('b')]).toEqual([1, 2, 1]);
    expect([...set.calls]).toEqual([['a', 2], ['b', 1]]);
    set.resetCalls();
    expect(set.calls.size).toBe(0);
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

  it('keeps the counters of fixtures whose definition is unchanged, even if they moved', () => {
    const set = createFixtureSet(fixtures({ name: 'a', replies: [{ content: '1' }, { content: '2' }] }, { name: 'b', reply: {} }));
    set.recordCall('a');
    set.replace(fixtures({ name: 'new', reply: {} }, { name: 'b', reply: {} }, { replies: [{ content: '1' }, { content: '2' }], name: 'a' }));
    expect(set.calls.get('a')).toBe(1);
  });

  it('keeps counters when only key order or defaults written out differ', () => {
    const set = createFixtureSet(fixtures({ name: 'a', reply: { tool_calls: [{ name: 't', arguments: { x: 1, y: 2 } }] } }));
    set.recordCall('a');
    set.replace(fixtures({ priority: 0, reply: { tool_calls: [{ arguments: { y: 2, x: 1 }, name: 't' }] }, name: 'a' }));
    expect(set.calls.get('a')).toBe(1);
  });

  it('resets the counters of fixtures whose definition changed or that disappeared', () => {
    const set = createFixtureSet(fixtures({ name: 'changed', replies: [{ content: '1' }] }, { name: 'gone', reply: {} }, { name: 'same', reply: {} }));
    for (const name of ['changed', 'gone', 'same']) set.recordCall(name);
    set.replace(fixtures({ name: 'changed', replies: [{ content: '1' }, { content: '2' }] }, { name: 'same', reply: {} }));
    expect([...set.calls]).toEqual([['same', 1]]);
  });

  it('drops counters recorded for names the new set does not have', () => {
    const set = createFixtureSet([]);
    set.recordCall('ghost');
    set.replace(fixtures({ name: 'real', reply: {} }));
    expect(set.calls.has('ghost')).toBe(false);
  });
});
