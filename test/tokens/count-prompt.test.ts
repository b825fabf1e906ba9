import { describe, expect, it } from 'vitest';
import {
  countPrompt,
  IMAGE_TOKENS,
  MESSAGE_OVERHEAD,
  promptParts,
  TOOL_CALL_OVERHEAD,
  VIDEO_TOKENS,
  type PromptMessage,
} from '../../src/tokens/count-prompt.ts';
import type { TokenCounter } from '../../src/tokens/token-counter.ts';

/** A counter where every text costs its length, recording each batch it receives. */
function lengthCounter(): TokenCounter & { batches: string[][] } {
  const batches: string[][] = [];
  return {
    batches,
    encoding: 'fake',
    ready: Promise.resolve(),
    countTexts: async (texts, signal) => {
      signal?.throwIfAborted();
      batches.push([...texts]);
      return texts.map((text) => text.length);
    },
    close: async () => {},
  };
}

describe('countPrompt', () => {
  it('exports the documented constants', () => {
    expect([MESSAGE_OVERHEAD, TOOL_CALL_OVERHEAD, IMAGE_TOKENS, VIDEO_TOKENS]).toEqual([3, 3, 1024, 2048]);
  });

  it('charges overhead + role + content per message', async () => {
    const counter = lengthCounter();
    const messages: PromptMessage[] = [
      { role: 'system', content: 'be nice' },
      { role: 'user', content: 'hi' },
    ];
    expect(await countPrompt(counter, messages)).toBe(3 + 6 + 7 + 3 + 4 + 2);
  });

  it('counts name, text parts, images, videos, reasoning and tool calls, in one batch', async () => {
    const counter = lengthCounter();
    const messages: PromptMessage[] = [
      {
        role: 'user',
        name: 'bob',
        content: [
          { type: 'text', text: 'look' },
          { type: 'image_url', image_url: 'data:image/png;base64,AAAA' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          { type: 'video_url', video_url: { url: 'https://example.com/v.mp4' } },
          { type: 'text', text: 'and this' },
        ],
      },
      {
        role: 'assistant',
        content: null,
        reasoning_content: 'think',
        tool_calls: [
          { function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { function: { name: 'now', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
    ];
    const expected =
      (3 + 4 + 3 + 4 + 8 + 2 * IMAGE_TOKENS + VIDEO_TOKENS) +
      (3 + 9 + 5 + (11 + 16 + 3) + (3 + 2 + 3)) +
      (3 + 4 + 5);
    expect(await countPrompt(counter, messages)).toBe(expected);
    expect(counter.batches).toHaveLength(1);
  });

  it('adds JSON.stringify(tools) when tools are given and non-empty', async () => {
    const tools = [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }];
    const messages: PromptMessage[] = [{ role: 'user', content: 'x' }];
    expect(await countPrompt(lengthCounter(), messages, tools)).toBe(3 + 4 + 1 + JSON.stringify(tools).length);
    expect(await countPrompt(lengthCounter(), messages, [])).toBe(3 + 4 + 1);
  });

  it('ignores null / undefined optional fields', () => {
    const parts = promptParts([{ role: 'user', content: null, name: null, reasoning_content: null, tool_calls: null }]);
    expect(parts).toEqual({ texts: ['user'], fixedTokens: MESSAGE_OVERHEAD });
  });

  it('passes the abort signal to the counter', async () => {
    await expect(countPrompt(lengthCounter(), [{ role: 'user', content: 'x' }], undefined, AbortSignal.abort()))
      .rejects.toMatchObject({ name: 'AbortError' });
  });
});
