import { describe, expect, it } from 'vitest';
import { fixtureSchema } from '../../src/fixtures/fixture-schema.ts';
import { assembleJsonReply } from '../../src/record/assemble-json-reply.ts';
import { deriveMatch } from '../../src/record/derive-match.ts';
import { fixtureOf } from '../../src/record/record-outcome.ts';
import { upstreamFault } from '../../src/record/upstream-fault.ts';
import { makeView } from '../fixtures/make-view.ts';

describe('assembleJsonReply', () => {
  it('keeps content, reasoning, tool call ids and arguments byte for byte, and usage', () => {
    const body = {
      choices: [{
        index: 0, finish_reason: 'tool_calls',
        message: { role: 'assistant', content: '', reasoning_content: 'Need the weather.', tool_calls: [{ index: 0, id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } }] },
      }],
      usage: { prompt_tokens: 70, completion_tokens: 25, total_tokens: 95, completion_tokens_details: { reasoning_tokens: 12 } },
    };
    expect(assembleJsonReply(body)).toEqual({
      reasoning_content: 'Need the weather.',
      tool_calls: [{ id: 'get_weather_0', name: 'get_weather', arguments: '{"city": "Paris"}' }],
      finish_reason: 'tool_calls',
      usage: { prompt_tokens: 70, completion_tokens: 25, reasoning_tokens: 12 },
    });
  });

  it('writes arguments as an object when that serialises to the same bytes', () => {
    const body = { choices: [{ index: 0, finish_reason: 'tool_calls', message: { content: '', tool_calls: [{ id: 'a_0', function: { name: 'a', arguments: '{"x":1}' } }] } }] };
    expect(assembleJsonReply(body).tool_calls).toEqual([{ id: 'a_0', name: 'a', arguments: { x: 1 } }]);
  });
});

describe('deriveMatch', () => {
  it('matches a user turn on model, role, turn, thinking, tools and the exact user text', () => {
    const view = makeView({ messages: [{ role: 'user', content: 'Hi there' }], tools: [{ type: 'function', function: { name: 'lookup' } }] });
    expect(deriveMatch(view)).toEqual({ model: view.model, lastRole: 'user', turn: 1, thinking: view.thinking, tools: ['lookup'], user: { equals: 'Hi there' } });
  });

  it('matches a tool turn on the last tool result, its tool resolved through the call id', () => {
    const view = makeView({
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'w_0', type: 'function', function: { name: 'weather', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'w_0', content: 'sunny' },
      ],
    });
    const match = deriveMatch(view);
    expect(match.toolResult).toEqual({ name: 'weather', contains: 'sunny' });
    expect(match.user).toBeUndefined();
    expect(match.tools).toBe(false);
  });
});

describe('upstreamFault', () => {
  it('keeps the status, type, message and Retry-After of an error envelope', () => {
    expect(upstreamFault(429, '{"error":{"type":"rate_limit_reached_error","message":"slow down"}}', '3')).toEqual({
      kind: 'http', status: 429, type: 'rate_limit_reached_error', message: 'slow down', retry_after: 3,
    });
  });

  it('uses the text of a body in another shape as the message', () => {
    expect(upstreamFault(502, '<html>Bad gateway</html>', null)).toEqual({ kind: 'http', status: 502, message: '<html>Bad gateway</html>' });
  });

  it('records no fault for a 401, which is about the key', () => {
    expect(upstreamFault(401, '{"error":{"type":"invalid_authentication_error","message":"Invalid Authentication"}}', null)).toBeUndefined();
  });
});

describe('fixtureOf', () => {
  const fault = { kind: 'fault' as const, fault: { kind: 'http' as const, status: 429 } };
  const reply = { kind: 'reply' as const, reply: { content: 'ok' } };

  it('puts the errors of a run on the calls they happened on', () => {
    expect(fixtureOf('rec-1', {}, [fault, reply, fault, reply])).toEqual({ name: 'rec-1', match: {}, reply: { content: 'ok' }, fault: { kind: 'http', status: 429, when: { calls: [1, 3] } } });
  });

  it('gives errors alone a fault on every call, over an empty reply', () => {
    const fixture = fixtureOf('rec-1', {}, [fault]);
    expect(fixture).toEqual({ name: 'rec-1', match: {}, reply: {}, fault: { kind: 'http', status: 429 } });
    expect(fixtureSchema.safeParse(fixture).success).toBe(true);
  });
});
