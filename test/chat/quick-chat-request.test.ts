import { describe, expect, it } from 'vitest';
import { chatRequestSchema } from '../../src/chat/chat-request.ts';
import { quickChatRequest } from '../../src/chat/quick-chat-request.ts';
import { createRandom } from '../../src/random.ts';
import { mutate } from '../support/mutate.ts';

const plain = {
  model: 'moonshot-v1-8k',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi', name: 'ann' },
    { role: 'assistant', content: 'Hello.', reasoning_content: 'r', partial: false, extra: { a: 1 } },
    { role: 'tool', tool_call_id: 'f_0', content: null, tool_calls: null },
  ],
  max_tokens: 50, max_completion_tokens: null, temperature: 0.3, top_p: 1, n: 2, presence_penalty: 0, frequency_penalty: -1.5,
  stop: ['\n\n', 'END'], stream: true, stream_options: { include_usage: true }, prompt_cache_key: 'k', safety_identifier: null,
  logprobs: false, top_logprobs: 3, response_format: null, tools: null, tool_choice: null, thinking: { keep: 'all', type: 'disabled' },
  reasoning_effort: 'high', unknown_field: [1],
};

/** Odd values put in, and field names added, by the seeded mutations. */
const mutations = {
  oddValues: [
    null, true, false, 0, -1, 1.5, 2 ** 60, -0, '', 'x', [], ['a'], [null], {}, { a: 1 }, { include_usage: true, x: 1 },
    { type: 'text' }, { type: 'enabled' }, { type: 'disabled', keep: null }, { __proto__: 1 }, [{ type: 'text', text: 'x' }],
  ],
  keys: [
    'model', 'messages', 'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'n', 'stop', 'stream', 'stream_options',
    'response_format', 'tools', 'tool_choice', 'thinking', 'logprobs', 'top_logprobs', 'role', 'content', 'name',
    'reasoning_content', 'tool_calls', 'tool_call_id', 'partial', 'include_usage', 'type', 'keep', 'reasoning_effort', '__proto__', 'zzz',
  ],
};

describe('quickChatRequest', () => {
  it('gives what the schema gives for a plain request, key order included', () => {
    const body = JSON.parse(JSON.stringify(plain));
    expect(JSON.stringify(quickChatRequest(body))).toBe(JSON.stringify(chatRequestSchema.parse(body)));
  });

  it('never differs from the schema on seeded mutations: the same value, or undefined (then the schema decides)', () => {
    const random = createRandom('quick-chat-request');
    let quick = 0;
    for (let i = 0; i < 3000; i++) {
      let body: unknown = plain;
      for (let k = 1 + random.int(3); k > 0; k--) body = mutate(body, random, mutations);
      body = JSON.parse(JSON.stringify(body));
      const fast = quickChatRequest(body);
      if (fast === undefined) continue;
      quick++;
      const slow = chatRequestSchema.safeParse(body);
      expect(slow.success, JSON.stringify(body)).toBe(true);
      expect(JSON.stringify(fast), JSON.stringify(body)).toBe(JSON.stringify(slow.data));
    }
    expect(quick).toBeGreaterThan(300);
  });

  it('leaves array contents, tools and response formats to the schema', () => {
    const base = { model: 'm', messages: [{ role: 'user', content: 'Hi' }] };
    expect(quickChatRequest({ ...base, tools: [] })).toBeUndefined();
    expect(quickChatRequest({ ...base, response_format: { type: 'text' } })).toBeUndefined();
    expect(quickChatRequest({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] })).toBeUndefined();
  });
});
