import { describe, expect, it } from 'vitest';
import { chat, hello, mockApp } from '../support/mock-app.ts';

const app = mockApp();
const specialKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const schema = {
  type: 'object',
  properties: Object.fromEntries(specialKeys.map((key) => [key, { type: 'string' }])),
  required: specialKeys,
};
// JSON.parse keeps `__proto__` as an own key, as a client's JSON body would.
const withSpecialKeys = JSON.parse(JSON.stringify(schema).replace('"properties":{', '"properties":{"__proto__":{"type":"integer"},').replace(',"__proto__":{"type":"string"}', ''));

/** Whether `value` has exactly `keys` as own keys, each holding the JSON type the schema asks for. */
function ownKeys(value: unknown): Array<[string, string]> {
  return Object.entries(value as object).map(([key, item]) => [key, typeof item]);
}

describe('special keys in schemas', () => {
  it('keeps __proto__ and other Object.prototype names as plain data in a json_schema reply', async () => {
    const res = await chat(app, {
      model: 'kimi-k2.6', messages: hello, thinking: { type: 'disabled' },
      response_format: { type: 'json_schema', json_schema: { name: 'keys', schema: withSpecialKeys } },
    });
    expect(res.status).toBe(200);
    const value = JSON.parse(res.json.choices[0].message.content);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(ownKeys(value)).toEqual([['__proto__', 'number'], ...specialKeys.slice(1).map((key): [string, string] => [key, 'string'])]);
  });

  it('keeps them in forced tool-call arguments', async () => {
    const res = await chat(app, {
      model: 'kimi-k2.6', messages: hello, thinking: { type: 'disabled' }, tool_choice: 'required',
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: withSpecialKeys } }],
    });
    const args = JSON.parse(res.json.choices[0].message.tool_calls[0].function.arguments);
    expect(Object.keys(args)).toEqual(specialKeys);
  });
});
