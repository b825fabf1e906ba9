import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureJsonSchema, fixtureJsonSchemaFile } from '../../src/fixtures/write-json-schema.ts';

type Schema = Record<string, any>;

describe('fixtureJsonSchema', () => {
  it('matches the committed fixtures/moonshot-mock.schema.json (run `node --import tsx src/fixtures/write-json-schema.ts` to refresh it)', () => {
    const committed: unknown = JSON.parse(readFileSync(fixtureJsonSchemaFile, 'utf8'));
    expect(committed).toEqual(fixtureJsonSchema());
  });

  it('is a draft-07 schema with an id, a title and a description', () => {
    const schema: Schema = fixtureJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema).toMatchObject({ $id: expect.any(String), title: expect.any(String), description: expect.any(String) });
  });

  it('requires version 1 and a fixtures list, and allows $schema', () => {
    const schema: Schema = fixtureJsonSchema();
    expect(schema.properties.version.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'fixtures']));
    expect(schema.required).not.toContain('$schema');
    expect(schema.properties.$schema.type).toBe('string');
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes fixtures as closed objects whose defaulted fields are optional', () => {
    const fixture: Schema = (fixtureJsonSchema() as Schema).properties.fixtures.items;
    expect(fixture.additionalProperties).toBe(false);
    expect(fixture.required ?? []).toEqual([]);
    expect(fixture.properties.priority.default).toBe(0);
    expect(fixture.properties.afterLast.enum).toEqual(['repeat', 'cycle', 'fallthrough']);
    expect(fixture.properties.match.additionalProperties).toBe(false);
    expect(fixture.properties.reply.additionalProperties).toBe(false);
  });

  it('states that a fixture has exactly one of reply or replies', () => {
    const fixture: Schema = (fixtureJsonSchema() as Schema).properties.fixtures.items;
    expect(fixture.oneOf).toEqual([{ required: ['reply'] }, { required: ['replies'] }]);
  });
});
