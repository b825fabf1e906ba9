import { describe, expect, it, vi } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/wire/moonshot/exceeds-json-depth.ts';
import { invalid, mockApp, postJson } from '../support/mock-app.ts';

const app = mockApp({ log: () => {} });
const tooDeep = invalid(`Invalid request: the request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`);

/** `levels` nested arrays as JSON text: `[[[...]]]`. */
const arrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
/** A JSON Schema whose properties nest `levels` objects deep (two JSON levels each). */
const deepSchema = (levels: number): string =>
  '{"type":"object","properties":{"a":'.repeat(levels) + '{"type":"string"}' + '}}'.repeat(levels);

const userWith = (extra: string) => `{"model":"kimi-k2.6","messages":[{"role":"user","content":"Hi","x":${extra}}]}`;
const toolWith = (parameters: string) =>
  `{"model":"kimi-k2.6","messages":[{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":${parameters}}}],"tool_choice":"required","thinking":{"type":"disabled"}}`;

describe('deeply nested request bodies', () => {
  it('answers 5,000 levels of arrays in an unknown message key with a 400 naming the limit, not a 500', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await postJson(app, '/v1/chat/completions', userWith(arrays(5000)));
    expect(res.status).toBe(400);
    expect(res.json).toEqual(tooDeep);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('answers 5,000 levels in tool parameters with the same 400', async () => {
    const res = await postJson(app, '/v1/chat/completions', toolWith(`{"type":"object","x":${arrays(5000)}}`));
    expect(res.json).toEqual(tooDeep);
  });

  it('answers 5,000 levels on the estimate endpoint with the same 400', async () => {
    const body = `{"model":"kimi-k2.6","messages":[{"role":"user","content":"Hi"}],"tools":[{"type":"function","function":{"name":"f_x","parameters":{"x":${arrays(5000)}}}}]}`;
    const res = await postJson(app, '/v1/tokenizers/estimate-token-count', body);
    expect(res.json).toEqual(tooDeep);
  });

  it('counts only structure: brackets inside strings, escaped quotes included, do not nest', async () => {
    const text = JSON.stringify(`\\"${'['.repeat(5000)}`);
    const res = await postJson(app, '/v1/chat/completions', `{"model":"kimi-k2.6","messages":[{"role":"user","content":${text}}]}`);
    expect(res.status).toBe(200);
  });

  it('serves a body nested exactly to the limit through generation, counting and the estimate', async () => {
    // The body itself adds 4 levels around `x` ({, messages [, message {, x).
    const atLimit = userWith(arrays(MAX_JSON_DEPTH - 3));
    expect((await postJson(app, '/v1/chat/completions', atLimit)).status).toBe(200);
    const overLimit = userWith(arrays(MAX_JSON_DEPTH - 2));
    expect((await postJson(app, '/v1/chat/completions', overLimit)).json).toEqual(tooDeep);
    // A tool schema nested ~490 objects deep: counted, and the forced call's arguments generated from it.
    const schema = deepSchema(Math.floor((MAX_JSON_DEPTH - 8) / 2));
    const forced = await postJson(app, '/v1/chat/completions', toolWith(schema));
    expect(forced.status).toBe(200);
    expect(JSON.parse(forced.json.choices[0].message.tool_calls[0].function.arguments)).toEqual({ a: expect.anything() });
    const estimate = await postJson(app, '/v1/tokenizers/estimate-token-count', JSON.parse(JSON.stringify({ ...JSON.parse(toolWith(schema)) })));
    expect(estimate.status).toBe(200);
  });
});
