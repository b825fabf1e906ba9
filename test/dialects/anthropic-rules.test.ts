import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { postJson } from '../support/mock-app.ts';
import { dialectApp } from '../support/dialects.ts';

const KEY = { 'x-api-key': 'sk-test' };
const hi = [{ role: 'user', content: 'Hello there' }];
const messages = (app: ReturnType<typeof dialectApp>, body: Record<string, unknown>, headers: Record<string, string> = KEY) =>
  postJson(app, '/anthropic/v1/messages', { model: 'kimi-k3', max_tokens: 200, messages: hi, ...body }, headers);
const anthropicError = (type: string, message: string) => ({ type: 'error', error: { type, message } });

describe("Moonshot's rules on /anthropic/v1/messages", () => {
  it('answers 404 not_found_error for a model the Messages API does not serve', async () => {
    const res = await messages(dialectApp(), { model: 'moonshot-v1-8k' });
    expect(res.status).toBe(404);
    expect(res.json).toEqual(anthropicError('not_found_error', 'Not found the model moonshot-v1-8k or Permission denied'));
  });

  it('requires max_tokens, naming the field as Anthropic does', async () => {
    const res = await postJson(dialectApp(), '/anthropic/v1/messages', { model: 'kimi-k3', messages: hi }, KEY);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(anthropicError('invalid_request_error', 'Invalid request: max_tokens: Field required'));
  });

  it("applies the model's context window to prompt + max_tokens", async () => {
    const res = await messages(dialectApp(), { model: 'kimi-k2.7-code', max_tokens: 262144, thinking: { type: 'enabled' } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^Invalid request: Your request exceeded model token limit: 262144 \(requested: 2621\d\d\)$/);
  });

  it("applies the chat rule on tool_choice while thinking: any is 'required'", async () => {
    const tools = [{ name: 'get_time', input_schema: { type: 'object', properties: {} } }];
    const res = await messages(dialectApp(), { model: 'kimi-k2.7-code', thinking: { type: 'adaptive' }, tools, tool_choice: { type: 'any' } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(anthropicError('invalid_request_error', "tool_choice 'required' is incompatible with thinking enabled"));
  });

  it('reports input_tokens without the cached prompt, which is cache_read_input_tokens', async () => {
    const app = dialectApp({ fixtures: [{ reply: { content: 'Cached.', usage: { prompt_tokens: 1000, cached_tokens: 768 } } }] });
    const res = await messages(app, {});
    expect(res.json.usage).toMatchObject({ input_tokens: 232, cache_read_input_tokens: 768, cache_creation_input_tokens: 0 });
  });

  it('writes the cache only for a top-level cache_control, not for markers on blocks', async () => {
    const app = dialectApp({ fixtures: [{ reply: { content: 'Cached.', usage: { prompt_tokens: 1000, cached_tokens: 768 } } }] });
    const marked = [{ role: 'user', content: [{ type: 'text', text: 'Hello there', cache_control: { type: 'ephemeral' } }] }];
    const inner = await messages(app, { messages: marked });
    const top = await messages(app, { cache_control: { type: 'ephemeral', ttl: '1h' } });
    expect(inner.json.usage).toMatchObject({ input_tokens: 232, cache_creation_input_tokens: 0 });
    expect(top.json.usage).toMatchObject({ input_tokens: 0, cache_creation_input_tokens: 232, cache_read_input_tokens: 768 });
  });

  it('sends a mid-stream fault as an Anthropic error event', async () => {
    const res = await messages(dialectApp(), { stream: true }, { ...KEY, 'x-mock-fault': JSON.stringify({ kind: 'error_event', after_chunks: 2, type: 'engine_overloaded_error' }) });
    const last = res.text.trim().split('\n\n').at(-1)!;
    expect(last).toBe(`event: error\ndata: ${JSON.stringify(anthropicError('overloaded_error', 'The engine is currently overloaded, please try again later'))}`);
  });

  it('reports the stop sequence that ended a reply', async () => {
    const app = dialectApp();
    const full: string = (await messages(app, {})).json.content.at(-1).text;
    const stop = full.split(' ').slice(3, 5).join(' ');
    const res = await messages(app, { stop_sequences: [stop] });
    expect(res.json).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: stop });
    expect(res.json.content.at(-1).text).toBe(full.slice(0, full.indexOf(stop)));
  });

  it("counts Messages requests in Moonshot's rate limits and answers the hit as rate_limit_error", async () => {
    const app = dialectApp({ limits: { rpm: 1 }, clock: createManualClock(0) });
    expect((await messages(app, {})).status).toBe(200);
    const res = await messages(app, {});
    expect(res.status).toBe(429);
    expect(res.json.error).toEqual({ type: 'rate_limit_error', message: expect.stringContaining('request reached organization max RPM: 1') });
  });

  it('answers 401 authentication_error without a key', async () => {
    const res = await messages(dialectApp(), {}, {});
    expect(res.status).toBe(401);
    expect(res.json).toEqual(anthropicError('authentication_error', 'Incorrect API key provided'));
  });

  it('has no count_tokens route (Moonshot does not document one): 404', async () => {
    const res = await postJson(dialectApp(), '/anthropic/v1/messages/count_tokens', { model: 'kimi-k3', messages: hi }, KEY);
    expect(res.status).toBe(404);
  });
});
