import { describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.ts';
import { chat, mockApp, postJson, sseData, type MockApp } from './support/mock-app.ts';

const long = 'Here is the whole design document for the project, section by section. '.repeat(40);
const turn1 = [{ role: 'system', content: long }, { role: 'user', content: 'Summarise section one.' }];
const ask = (app: MockApp, body: Record<string, unknown>, key = 'sk-a') =>
  chat(app, { model: 'kimi-k3', ...body }, { Authorization: `Bearer ${key}` });

describe('automatic prefix caching', () => {
  it('reports cached_tokens on the second of two identical calls only, top-level and in prompt_tokens_details', async () => {
    const app = mockApp();
    const first = await ask(app, { messages: turn1 });
    expect(first.json.usage.cached_tokens).toBeUndefined();
    expect(first.json.usage.prompt_tokens_details).toBeUndefined();
    const second = await ask(app, { messages: turn1 });
    const { prompt_tokens } = second.json.usage;
    expect(second.json.usage).toMatchObject({ cached_tokens: prompt_tokens, prompt_tokens_details: { cached_tokens: prompt_tokens } });
    expect(Object.keys(second.json.usage)).toEqual(['prompt_tokens', 'completion_tokens', 'total_tokens', 'cached_tokens', 'completion_tokens_details', 'prompt_tokens_details']);
  });

  it('caches the first two turns on the third turn of a conversation', async () => {
    const app = mockApp();
    const first = await ask(app, { messages: turn1 });
    const turn2 = [...turn1, first.json.choices[0].message, { role: 'user', content: 'And section two?' }];
    const second = await ask(app, { messages: turn2 });
    expect(second.json.usage.cached_tokens).toBe(first.json.usage.prompt_tokens);
    const turn3 = [...turn2, second.json.choices[0].message, { role: 'user', content: 'And section three?' }];
    const third = await ask(app, { messages: turn3 });
    expect(third.json.usage.cached_tokens).toBe(second.json.usage.prompt_tokens);
    expect(third.json.usage.cached_tokens).toBeLessThan(third.json.usage.prompt_tokens);
  });

  it('reports the cache hit in the usage of a stream too', async () => {
    const app = mockApp();
    await ask(app, { messages: turn1 });
    const events = sseData((await ask(app, { messages: turn1, stream: true, stream_options: { include_usage: true } })).text);
    const usage = events.at(-2).usage;
    expect(usage.cached_tokens).toBe(usage.prompt_tokens);
  });

  it('keeps prompt_cache_key partitions apart', async () => {
    const app = mockApp();
    await ask(app, { messages: turn1, prompt_cache_key: 'session-a' });
    expect((await ask(app, { messages: turn1, prompt_cache_key: 'session-b' })).json.usage.cached_tokens).toBeUndefined();
    expect((await ask(app, { messages: turn1, prompt_cache_key: 'session-a' })).json.usage.cached_tokens).toBeGreaterThan(0);
  });

  it('misses on kimi-k3 when reasoning_effort changes, and hits when it is the same', async () => {
    const app = mockApp();
    await ask(app, { messages: turn1, reasoning_effort: 'low' });
    expect((await ask(app, { messages: turn1, reasoning_effort: 'high' })).json.usage.cached_tokens).toBeUndefined();
    expect((await ask(app, { messages: turn1, reasoning_effort: 'low' })).json.usage.cached_tokens).toBeGreaterThan(0);
    expect((await ask(app, { messages: turn1 })).json.usage.cached_tokens).toBeUndefined(); // the default is max
  });

  it('keeps users apart', async () => {
    const users = [{ organization: 'org-a', keys: [{ key: 'sk-a' }] }, { organization: 'org-b', keys: [{ key: 'sk-b' }] }];
    const app = mockApp({ users });
    await ask(app, { messages: turn1 }, 'sk-a');
    expect((await ask(app, { messages: turn1 }, 'sk-b')).json.usage.cached_tokens).toBeUndefined();
  });

  it('forgets a prompt after 5 minutes on the app clock', async () => {
    const app = mockApp({ clock: createManualClock(0) });
    await ask(app, { messages: turn1 });
    await postJson(app, '/_mock/clock', { advance_ms: 5 * 60_000 }, {});
    expect((await ask(app, { messages: turn1 })).json.usage.cached_tokens).toBeUndefined();
  });

  it('forgets every prompt on POST /_mock/reset', async () => {
    const app = mockApp();
    await ask(app, { messages: turn1 });
    await postJson(app, '/_mock/reset', {}, {});
    expect((await ask(app, { messages: turn1 })).json.usage.cached_tokens).toBeUndefined();
  });

  it('is off with prefixCache: false', async () => {
    const app = mockApp({ prefixCache: false });
    await ask(app, { messages: turn1 });
    expect((await ask(app, { messages: turn1 })).json.usage.cached_tokens).toBeUndefined();
  });

  it("lets a fixture's declared cached_tokens win, 0 included", async () => {
    const app = mockApp({ fixtures: [{ match: { user: 'one' }, reply: { content: 'x', usage: { cached_tokens: 7 } } }, { match: { user: 'two' }, reply: { content: 'y', usage: { cached_tokens: 0 } } }] });
    const one = [{ role: 'user', content: 'section one' }];
    expect((await ask(app, { messages: one })).json.usage.cached_tokens).toBe(7);
    const two = [{ role: 'user', content: 'section two' }];
    await ask(app, { messages: two });
    expect((await ask(app, { messages: two })).json.usage.cached_tokens).toBeUndefined();
  });
});
