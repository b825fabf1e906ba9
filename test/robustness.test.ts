import { describe, expect, it, vi } from 'vitest';
import { createRandom } from '../src/random.ts';
import { mockApp, postJson } from './support/mock-app.ts';
import { mutate } from './support/mutate.ts';

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

const mutations = {
  oddValues: [null, true, false, 0, -1, 1.5, 1e308, -0, '', 'x', 'ÿ\u0000', [], [null], {}, { a: 1 }, 'a'.repeat(300)],
  keys: ['model', 'n', 'stream', 'temperature', 'tool_choice', 'partial', 'thinking', 'role'],
};

describe('robustness against malformed requests', () => {
  it('answers 400 bodies of every seeded mutation with the Moonshot envelope, never a 500 or a crash', async () => {
    const errors = vi.spyOn(console, 'error');
    const app = mockApp({ log: () => {} });
    const random = createRandom('robustness');
    const statuses = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      let body: unknown = base;
      for (let k = 1 + random.int(3); k > 0; k--) body = mutate(body, random, mutations);
      const res = await postJson(app, '/v1/chat/completions', JSON.stringify(body));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect([200, 400, 404], JSON.stringify(body).slice(0, 300)).toContain(res.status);
      if (res.status !== 200 && res.json) expect(res.json.error, JSON.stringify(body).slice(0, 300)).toEqual({ message: expect.any(String), type: expect.any(String) });
    }
    expect(errors).not.toHaveBeenCalled();
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    errors.mockRestore();
  });
});
