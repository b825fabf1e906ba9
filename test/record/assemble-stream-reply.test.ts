import { describe, expect, it } from 'vitest';
import { fixtureSchema } from '../../src/fixtures/fixture-schema.ts';
import { assembleStreamReply, type ArrivedChunk } from '../../src/record/assemble-stream-reply.ts';

const head = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'kimi-k2.7-code' };
const chunk = (at: number, delta: object, extra: object = {}): ArrivedChunk => ({ at, data: { ...head, choices: [{ index: 0, delta, finish_reason: null, ...extra }] } });

/** The live k2.5 tool-call stream's shape: role chunk, empty reasoning, a call with argument slices, usage in the choice. */
const toolCallStream: ArrivedChunk[] = [
  chunk(1000, { role: 'assistant', content: '' }),
  chunk(1000, { reasoning_content: '' }),
  chunk(1300, { tool_calls: [{ index: 0, id: 'weather_0', type: 'function', function: { name: 'weather', arguments: '' } }] }),
  chunk(1400, { tool_calls: [{ index: 0, function: { arguments: '{"location": ' } }] }),
  chunk(1500, { tool_calls: [{ index: 0, function: { arguments: '"San Francisco"}' } }] }),
  { at: 1500, data: { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls', usage: { prompt_tokens: 61, completion_tokens: 19, total_tokens: 80, completion_tokens_details: { reasoning_tokens: 0 } } }] } },
];

describe('assembleStreamReply', () => {
  it('keeps the tool call id, name and argument deltas as streamed', () => {
    const { reply } = assembleStreamReply(toolCallStream);
    expect(reply.tool_calls).toEqual([{ id: 'weather_0', name: 'weather', arguments: ['', '{"location": ', '"San Francisco"}'] }]);
    expect(reply.reasoning_content).toBe('');
    expect(reply.finish_reason).toBe('tool_calls');
  });

  it('takes the usage from inside the choice when there is no usage chunk', () => {
    expect(assembleStreamReply(toolCallStream).reply.usage).toEqual({ prompt_tokens: 61, completion_tokens: 19, reasoning_tokens: 0 });
  });

  it('measures ttftMs from the first chunk to the first output delta and the pace of what followed', () => {
    // 300 ms to the first output; then 2 argument deltas (1 piece each) over 200 ms = 10 pieces per second.
    expect(assembleStreamReply(toolCallStream).stream).toEqual({ ttftMs: 300, tokensPerSecond: 10 });
  });

  it('keeps content deltas as a list when the emulator would split them otherwise', () => {
    const { reply } = assembleStreamReply([chunk(0, { role: 'assistant', content: '' }), chunk(5, { content: 'It is sun' }), chunk(9, { content: 'ny.' })]);
    expect(reply.content).toEqual(['It is sun', 'ny.']);
  });

  it('writes a plain string when the deltas are the emulator\u2019s own word pieces', () => {
    const { reply } = assembleStreamReply([chunk(0, { role: 'assistant', content: '' }), chunk(5, { content: 'It' }), chunk(9, { content: ' is' }), chunk(9, { content: ' sunny.' })]);
    expect(reply.content).toBe('It is sunny.');
  });

  it('prefers the usage of the choices: [] chunk', () => {
    const usage = { prompt_tokens: 11, completion_tokens: 2, total_tokens: 13, cached_tokens: 8, prompt_tokens_details: { cached_tokens: 8 } };
    const { reply } = assembleStreamReply([chunk(0, { role: 'assistant', content: '' }), chunk(1, { content: 'OK' }), { at: 2, data: { ...head, choices: [], usage } }]);
    expect(reply.usage).toEqual({ prompt_tokens: 11, completion_tokens: 2, cached_tokens: 8 });
  });

  it('assembles each choice of an n > 1 stream under choices, keeping only prompt usage', () => {
    const two: ArrivedChunk[] = [0, 1].flatMap((index) => [
      { at: 0, data: { ...head, choices: [{ index, delta: { role: 'assistant', content: '' }, finish_reason: null }] } },
      { at: 1, data: { ...head, choices: [{ index, delta: { content: `answer ${index}` }, finish_reason: 'stop' }] } },
    ]);
    two.push({ at: 2, data: { ...head, choices: [], usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } } });
    const { reply } = assembleStreamReply(two);
    expect(reply).toEqual({ choices: [{ content: ['answer 0'], finish_reason: 'stop' }, { content: ['answer 1'], finish_reason: 'stop' }], usage: { prompt_tokens: 5 } });
  });

  it('gives a reply the production fixture schema accepts', () => {
    const { reply, stream } = assembleStreamReply(toolCallStream);
    expect(fixtureSchema.safeParse({ reply, stream }).success).toBe(true);
  });
});
