import { describe, expect, it } from 'vitest';
import { chat, invalid, mockApp, postJson } from './support/mock-app.ts';

const app = mockApp();
// "hello world " is two tokens in o200k_base: 450,000 repeats make a ~900,000-token text, built in
// milliseconds; the counter's caches keep counting it cheap after the first time.
const messages = [{ role: 'user', content: 'hello world '.repeat(450_000) }];

describe('a 900,000-token prompt', () => {
  it('is counted exactly by the estimate endpoint', async () => {
    const res = await postJson(app, '/v1/tokenizers/estimate-token-count', { model: 'kimi-k3', messages });
    expect(res.json.data.total_tokens).toBe(900_001 + 3 + 1); // text (the last space is a token of its own) + message overhead + role
  }, 60_000);

  it('is accepted by kimi-k3 (1,048,576-token window), with the output capped at what is left', async () => {
    const started = performance.now();
    const res = await chat(app, { model: 'kimi-k3', messages, max_tokens: 100 });
    expect(res.status).toBe(200);
    expect(res.json.usage.prompt_tokens).toBe(900_005);
    expect(res.json.usage.completion_tokens).toBeLessThanOrEqual(100);
    // Generous for a loaded 2-core machine; unloaded it takes well under a second.
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('is refused by kimi-k2.6 (262,144-token window) with the exact message', async () => {
    const res = await chat(app, { model: 'kimi-k2.6', messages });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid('Input token length too long'));
    const budgeted = await chat(app, { model: 'kimi-k2.6', messages, max_tokens: 1000 });
    // Counting stops once the prompt certainly cannot fit, so the figure is a bound past the window.
    const match = /^Invalid request: Your request exceeded model token limit: 262144 \(requested: (\d+)\)$/.exec(budgeted.json.error.message);
    expect(Number(match![1])).toBeGreaterThan(262144);
  }, 60_000);
});
