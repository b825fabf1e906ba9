import { describe, expect, it, vi } from 'vitest';
import { createRandom, type Random } from '../src/random.ts';
import { mockApp, postJson } from './support/mock-app.ts';

const base = {
  model: 'kimi-k2.6',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: [{ type: 'text', text: 'What is in this picture?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] },
    { role: 'assistant', content: '', reasoning_content: 'r', tool_calls: [{ id: 'f_0', type: 'function', function: { name: 'f_x', arguments: '{}' } }] },
    { role: 'tool', tool_call_id: 'f_0', content: 'ok' },
  ],
  tools: [{ type: 'function', function: { name: 'f_x', parameters: { type: 'object', properties: {} } } }],
  max_tokens: 50,
  stop: ['\n\n'],
  response_format: { type: 'text' },
};

/** A Messages request using every kind of block, as Claude Code sends them back. */
const anthropicBase = {
  model: 'kimi-k3',
  max_tokens: 50,
  system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Look' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }] },
    { role: 'assistant', content: [{ type: 'thinking', thinking: '', signature: 'cg==' }, { type: 'tool_use', id: 'f_0', name: 'f_x', input: {} }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'f_0', content: 'ok', cache_control: { type: 'ephemeral' } }] },
    { role: 'system', content: 'Reminder.' },
  ],
  tools: [{ name: 'f_x', input_schema: { $schema: 'x', type: 'object' } }, { name: 'f_y', input_schema: {}, defer_loading: true }],
  thinking: { type: 'adaptive', display: 'omitted' },
  output_config: { effort: 'high' },
  stop_sequences: ['\n\n'],
};

/** A Responses request with every kind of input item. */
const responsesBase = {
  model: 'kimi-k3',
  instructions: 'Be brief.',
  input: [
    { role: 'developer', content: 'Answer in English.' },
    { role: 'user', content: [{ type: 'input_text', text: 'Look' }] },
    { type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: 'r' }] },
    { type: 'function_call', call_id: 'f_0', name: 'f_x', arguments: '{}' },
    { type: 'function_call_output', call_id: 'f_0', output: 'ok' },
  ],
  tools: [{ type: 'function', name: 'f_x', parameters: { type: 'object', properties: {} } }],
  max_output_tokens: 50,
};

const oddValues = [null, true, false, 0, -1, 1.5, 1e308, -0, '', 'x', 'ÿ\u0000', [], [null], {}, { a: 1 }, 'a'.repeat(300)];

/** A copy of `value` with one seeded mutation: a field replaced by an odd value, removed, or added. */
function mutate(value: unknown, random: Random, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || random.int(4) === 0) return oddValues[random.int(oddValues.length)];
    const copy = [...value];
    const i = random.int(copy.length);
    copy[i] = mutate(copy[i], random, depth + 1);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...value };
    const keys = Object.keys(copy);
    const roll = random.int(6);
    if (roll === 0 || keys.length === 0) copy[['model', 'n', 'stream', 'temperature', 'tool_choice', 'partial', 'thinking', 'role'][random.int(8)]!] = oddValues[random.int(oddValues.length)];
    else if (roll === 1) delete copy[keys[random.int(keys.length)]!];
    else {
      const key = keys[random.int(keys.length)]!;
      copy[key] = depth > 4 || random.int(3) === 0 ? oddValues[random.int(oddValues.length)] : mutate(copy[key], random, depth + 1);
    }
    return copy;
  }
  return oddValues[random.int(oddValues.length)];
}

const moonshotError = { error: { message: expect.any(String), type: expect.any(String) } };
const dialects = [
  { path: '/v1/chat/completions', base, envelope: moonshotError },
  { path: '/anthropic/v1/messages', base: anthropicBase, envelope: { type: 'error', error: { message: expect.any(String), type: expect.any(String) } } },
  { path: '/v1/responses', base: responsesBase, envelope: moonshotError },
];

describe('robustness against malformed requests', () => {
  it.each(dialects)('answers every seeded mutation on $path with 200 or a 4xx in its envelope, never a 500 or a crash', async ({ path, base: start, envelope }) => {
    const errors = vi.spyOn(console, 'error');
    const app = mockApp({ log: () => {} });
    const random = createRandom(`robustness ${path}`);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      let body: unknown = start;
      for (let k = 1 + random.int(3); k > 0; k--) body = mutate(body, random);
      const res = await postJson(app, path, JSON.stringify(body));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect([200, 400, 404], JSON.stringify(body).slice(0, 300)).toContain(res.status);
      if (res.status !== 200 && res.json) expect(res.json, JSON.stringify(body).slice(0, 300)).toEqual(envelope);
    }
    expect(errors).not.toHaveBeenCalled();
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    errors.mockRestore();
  }, 120_000);
});
