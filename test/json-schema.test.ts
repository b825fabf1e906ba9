import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { jsonValue } from '../src/reply/json-value.ts';
import { createRandom } from '../src/random.ts';
import { chat, hello, invalid, mockApp } from './support/mock-app.ts';

const app = mockApp();
const ajv = new Ajv({ strict: false });
addFormats.default(ajv);
const withSchema = (schema: object) => ({ model: 'kimi-k3', messages: hello, response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } } });
const tool = (parameters: object) => ({ type: 'function', function: { name: 'search_pages', parameters } });

const schemas: Record<string, object> = {
  person: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 3, maxLength: 12 },
      age: { type: 'integer', minimum: 18, maximum: 99 },
      score: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      email: { type: 'string', format: 'email' },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, minItems: 2, maxItems: 3, uniqueItems: true },
      role: { const: 'admin' },
      nickname: { type: ['string', 'null'] },
    },
    required: ['name', 'age', 'score', 'email', 'tags', 'role'],
    additionalProperties: false,
  },
  refs: {
    type: 'object',
    $defs: { point: { type: 'object', properties: { x: { type: 'number', multipleOf: 0.5 }, y: { type: 'integer', multipleOf: 5 } }, required: ['x', 'y'] } },
    properties: { from: { $ref: '#/$defs/point' }, to: { $ref: '#/$defs/point' }, when: { type: 'string', format: 'date-time' } },
    required: ['from', 'to', 'when'],
  },
  composed: {
    allOf: [
      { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
      { properties: { kind: { anyOf: [{ type: 'integer', minimum: 1000 }, { type: 'string' }] } }, required: ['kind'] },
    ],
  },
  tree: {
    type: 'object',
    $defs: { node: { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['label'] } },
    properties: { root: { $ref: '#/$defs/node' } },
    required: ['root'],
  },
};

describe('generated json_schema replies', () => {
  it.each(Object.keys(schemas))('validate against the %s schema, for many seeds', (name) => {
    const validate = ajv.compile(schemas[name]!);
    for (let seed = 0; seed < 50; seed++) {
      const value = jsonValue(createRandom(seed), schemas[name]);
      expect(validate(value), `${JSON.stringify(value)} ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('come back from kimi-k3 as content that parses and validates', async () => {
    const res = await chat(app, withSchema(schemas.person!));
    expect(res.status).toBe(200);
    expect(ajv.validate(schemas.person!, JSON.parse(res.json.choices[0].message.content))).toBe(true);
  });

  it('fill forced tool-call arguments that validate against the tool parameters', async () => {
    const res = await chat(app, { model: 'kimi-k3', messages: hello, tools: [tool(schemas.refs!)], tool_choice: 'required' });
    const args = JSON.parse(res.json.choices[0].message.tool_calls[0].function.arguments);
    expect(ajv.validate(schemas.refs!, args)).toBe(true);
  });
});

describe('Moonshot-flavoured JSON Schema checks', () => {
  it('refuse tuple items in response_format with the live message', async () => {
    const res = await chat(app, withSchema({ type: 'object', properties: { pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] } } }));
    expect(res.json).toEqual(invalid(
      "Invalid request: response_format.json_schema is not a valid moonshot flavored json schema, details: <At path 'properties.pair.items': items must be an object>",
    ));
  });

  it('refuse a $ref outside #/$defs in tool parameters', async () => {
    const parameters = { type: 'object', properties: { filters: { type: 'object', properties: { hiddenPageDuration: { $ref: '#/definitions/duration' } } } } };
    const res = await chat(app, { model: 'kimi-k3', messages: hello, tools: [tool(parameters)] });
    expect(res.json).toEqual(invalid(
      "Invalid request: tools.function.parameters is not a valid moonshot flavored json schema, details: <At path 'properties.filters.properties.hiddenPageDuration.$ref': references must start with #/$defs/>",
    ));
  });

  it('refuse an unknown type name', async () => {
    const res = await chat(app, withSchema({ type: 'object', properties: { n: { type: 'float' } } }));
    expect(res.json.error.message).toContain("<At path 'properties.n.type': type must be one of object, array, string, number, integer, boolean, null>");
  });

  it('answer schemas that recurse forever (required self-references, allOf cycles) without crashing', async () => {
    const required = { type: 'object', $defs: { n: { type: 'object', properties: { c: { $ref: '#/$defs/n' } }, required: ['c'] } }, properties: { root: { $ref: '#/$defs/n' } }, required: ['root'] };
    const allOf = { $defs: { n: { allOf: [{ $ref: '#/$defs/n' }] } }, $ref: '#/$defs/n' };
    for (const schema of [required, allOf]) expect((await chat(app, withSchema(schema))).status).toBe(200);
  });

  it('accept the schemas above', async () => {
    for (const schema of Object.values(schemas)) expect((await chat(app, withSchema(schema))).status).toBe(200);
  });
});
