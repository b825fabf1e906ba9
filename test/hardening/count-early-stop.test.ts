import { describe, expect, it } from 'vitest';
import type { TokenCounter } from '../../src/index.ts';
import { getSharedTokenCounter } from '../../src/tokens/token-counter.ts';
import { chat, invalid, mockApp, postJson } from '../support/mock-app.ts';

/** The shared counter, recording the `stopAbove` of each call. */
function recordingCounter() {
  const shared = getSharedTokenCounter();
  const limits: Array<number | undefined> = [];
  const counter: TokenCounter = {
    encoding: shared.encoding,
    ready: shared.ready,
    close: () => shared.close(),
    countTexts(texts, signal, stopAbove) {
      limits.push(stopAbove);
      return shared.countTexts(texts, signal, stopAbove);
    },
  };
  return { counter, limits };
}

// 4 MB of one letter: ~500,000 tokens, whose exact count would take the worker seconds and ~100 MB.
const letters = 'a'.repeat(4_000_000);

describe('counting stops once a prompt cannot fit', () => {
  it('asks the counter to stop past the largest prompt that could fit the window', async () => {
    const { counter, limits } = recordingCounter();
    const app = mockApp({ tokenCounter: counter });
    await chat(app, { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }] });
    await chat(app, { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 100 });
    // The prompt's texts may total the window less one (less the budget), less the 3 fixed tokens of a
    // message; the reply's own counts have no limit.
    expect(limits.filter((limit) => limit !== undefined)).toEqual([262144 - 1 - 3, 262144 - 100 - 3]);
  });

  it('answers "Input token length too long" for a huge single-letter prompt without a budget', async () => {
    const res = await chat(mockApp(), { model: 'kimi-k2.6', messages: [{ role: 'user', content: letters }] });
    expect(res.json).toEqual(invalid('Input token length too long'));
  });

  it('shows a lower bound of the prompt in the token-limit message when counting stopped early', async () => {
    const res = await chat(mockApp(), { model: 'kimi-k2.6', messages: [{ role: 'user', content: letters }], max_tokens: 100 });
    const match = /^Invalid request: Your request exceeded model token limit: 262144 \(requested: (\d+)\)$/.exec(res.json.error.message);
    expect(match).not.toBeNull();
    const requested = Number(match![1]);
    expect(requested).toBeGreaterThan(262144);
    expect(requested).toBeLessThanOrEqual(4_000_000 / 8 + 100 + 10); // at most the exact count + budget
  });

  it('answers the estimate endpoint for a prompt past the window with the same error', async () => {
    const res = await postJson(mockApp(), '/v1/tokenizers/estimate-token-count', { model: 'kimi-k2.6', messages: [{ role: 'user', content: letters }] });
    expect(res.json).toEqual(invalid('Input token length too long'));
  });
});
