import { describe, expect, it } from 'vitest';
import { chat, hello, invalid, mockApp, plain } from './support/mock-app.ts';

const app = mockApp();
// moonshot-v1 (retired 2026-08-31) is the only model with open sampling ranges: served as on 2026-06-01.
const legacy = mockApp({ apiDate: '2026-06-01' });
const k26 = (extra: Record<string, unknown>) => chat(app, { model: 'kimi-k2.6', messages: hello, ...extra });
const v1 = (extra: Record<string, unknown>) => chat(legacy, { model: 'moonshot-v1-8k', messages: hello, ...extra });
const today = (extra: Record<string, unknown>) => chat(app, { ...plain, messages: hello, ...extra });

describe('kimi-k2.6 fixed sampling', () => {
  it.each([
    [{ temperature: 0.7 }, 'invalid temperature: only 1 is allowed for this model'],
    [{ temperature: 0.7, thinking: { type: 'disabled' } }, 'invalid temperature: only 0.6 is allowed for this model'],
    [{ top_p: 0.9 }, 'invalid top_p: only 0.95 is allowed for this model'],
    [{ n: 2 }, 'invalid n: only 1 is allowed for this model'],
    [{ presence_penalty: 0.5 }, 'invalid presence_penalty: only 0 is allowed for this model'],
    [{ frequency_penalty: -0.5 }, 'invalid frequency_penalty: only 0 is allowed for this model'],
  ])('rejects %j with its exact message', async (extra, message) => {
    const res = await k26(extra);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(invalid(message));
  });

  it("accepts the model's own values sent explicitly", async () => {
    expect((await k26({ temperature: 1, top_p: 0.95, n: 1, presence_penalty: 0, frequency_penalty: 0 })).status).toBe(200);
    expect((await k26({ temperature: 0.6, thinking: { type: 'disabled' } })).status).toBe(200);
  });

  it('accepts thinking.keep "all" or null, and refuses other keep values', async () => {
    expect((await k26({ thinking: { type: 'enabled', keep: 'all' } })).status).toBe(200);
    expect((await k26({ thinking: { type: 'enabled', keep: null } })).status).toBe(200);
    expect((await k26({ thinking: { type: 'enabled', keep: 'last' } })).json).toEqual(
      invalid('invalid thinking.keep: only "all" or null is allowed for this model'),
    );
  });

  it('rejects extra keys in the thinking object', async () => {
    const res = await k26({ thinking: { type: 'enabled', budget: 100 } });
    expect(res.status).toBe(400);
    expect(res.json.error.type).toBe('invalid_request_error');
  });
});

describe('sampling ranges', () => {
  it('rejects temperature outside [0, 1]', async () => {
    expect((await v1({ temperature: 1.5 })).json).toEqual(invalid('Invalid request: temperature must be between 0 and 1, got 1.5'));
    expect((await v1({ temperature: -0.1 })).status).toBe(400);
    expect((await v1({ temperature: 1 })).status).toBe(200);
  });

  it('rejects n outside 1..5', async () => {
    expect((await v1({ n: 6, temperature: 0.5 })).json).toEqual(invalid('Invalid request: n must be between 1 and 5, got 6'));
    expect((await v1({ n: 0, temperature: 0.5 })).status).toBe(400);
    expect((await v1({ n: 5, temperature: 0.5 })).status).toBe(200);
  });

  it('rejects n > 1 when temperature is close to 0', async () => {
    expect((await v1({ n: 2, temperature: 0 })).json).toEqual(
      invalid('Invalid request: n must be 1 when temperature is close to 0 (temperature 0, n 2)'),
    );
    expect((await v1({ n: 2, temperature: 0.3 })).status).toBe(200);
  });

  it('allows at most 5 stop strings of at most 32 bytes', async () => {
    expect((await today({ stop: ['a', 'b', 'c', 'd', 'e', 'f'] })).json).toEqual(
      invalid('Invalid request: stop must contain at most 5 strings, got 6'),
    );
    expect((await today({ stop: ['é'.repeat(17)] })).json).toEqual(
      invalid('Invalid request: each stop string must be at most 32 bytes, got 34'),
    );
    expect((await today({ stop: ['a', 'b', 'c', 'd', 'x'.repeat(32)] })).status).toBe(200);
  });

  it('requires max_tokens and max_completion_tokens to be positive', async () => {
    expect((await today({ max_tokens: 0 })).json).toEqual(invalid('Invalid request: max_tokens must be a positive integer, got 0'));
    expect((await today({ max_completion_tokens: -5 })).json).toEqual(
      invalid('Invalid request: max_completion_tokens must be a positive integer, got -5'),
    );
    expect((await today({ max_tokens: 1.5 })).status).toBe(400);
  });
});
