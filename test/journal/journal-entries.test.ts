import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { AUTH, chat, hello } from '../support/mock-app.ts';
import { sdkClient } from '../support/sdk-client.ts';
import { askWeather, getJson, MODEL, weatherFixtures, journalApp, THINKING_MODEL } from './journal-app.ts';

const requests = async (app: ReturnType<typeof journalApp>, query = '') => (await getJson(app, `/_mock/requests${query}`)).requests;

describe('the request journal', () => {
  it('records arrival time on the app clock, namespace, method, path, body, model and status', async () => {
    const app = journalApp({ clock: createManualClock(1_700_000_000_000) });
    const body = { model: MODEL, messages: hello };
    await chat(app, body);
    const [entry] = await requests(app);
    expect(entry).toMatchObject({ seq: 1, time: 1_700_000_000_000, namespace: 'default', method: 'POST', path: '/v1/chat/completions', body, model: MODEL, status: 200, stream: false, aborted: false });
  });

  it('records the request id the response carried', async () => {
    const app = journalApp();
    const res = await chat(app, { model: MODEL, messages: hello });
    expect((await requests(app))[0].requestId).toBe(res.headers.get('msh-request-id'));
  });

  it('records the matched fixture with its source, the reply summary and the usage', async () => {
    const app = journalApp({ fixtures: weatherFixtures });
    await askWeather(sdkClient(app));
    const [call, answer] = await requests(app);
    expect(call.match).toEqual({ outcome: 'fixture', fixture: 'weather-call', source: 'inline#0' });
    expect(call.reply.toolCalls).toEqual([{ id: 'get_weather_0', name: 'get_weather', arguments: '{"city":"Paris"}' }]);
    expect(answer.reply).toMatchObject({ content: 'It is sunny in Paris.', finishReason: 'stop', choices: 1 });
    expect(answer.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: answer.usage.prompt_tokens + answer.usage.completion_tokens });
  });

  it('records the reasoning length, not the reasoning', async () => {
    const app = journalApp({ fixtures: [{ reply: { reasoning_content: 'Think first.', content: 'Done.' } }] });
    await chat(app, { model: THINKING_MODEL, messages: hello });
    expect((await requests(app))[0].reply.reasoningLength).toBe('Think first.'.length);
  });

  it('records a generated reply as generated', async () => {
    const app = journalApp();
    await chat(app, { model: MODEL, messages: hello });
    expect((await requests(app))[0].match).toEqual({ outcome: 'generated' });
  });

  it('records an unmatched request with the nearest-miss reason', async () => {
    const app = journalApp({ fixtures: weatherFixtures });
    await chat(app, { model: MODEL, messages: [{ role: 'user', content: 'weather in Rome' }] });
    const [entry] = await requests(app);
    expect(entry.match.outcome).toBe('unmatched');
    expect(entry.match.reason).toContain('user: does not contain "weather in Paris"');
    expect(entry.error.type).toBe('fixture_unmatched_error');
  });

  it('records the injected fault and its source', async () => {
    const app = journalApp({ fixtures: [{ match: { user: 'Hello' }, fault: { kind: 'http', status: 429 }, reply: { content: 'x' } }] });
    await chat(app, { model: MODEL, messages: hello });
    await chat(app, { model: MODEL, messages: hello }, { ...AUTH, 'x-mock-fault': '503' });
    const [fromFixture, fromHeader] = await requests(app);
    expect([fromFixture.fault, fromFixture.status, fromHeader.fault, fromHeader.status]).toEqual([
      { kind: 'http', source: 'fixture' }, 429, { kind: 'http', source: 'header' }, 503,
    ]);
  });

  it('records the rate-limit outcome', async () => {
    const app = journalApp({ limits: { rpm: 1 } });
    await chat(app, { model: MODEL, messages: hello });
    await chat(app, { model: MODEL, messages: hello });
    expect((await requests(app)).map((entry: any) => [entry.rateLimit, entry.status])).toEqual([['admitted', 200], ['limited', 429]]);
  });

  it('records requests that fail validation, with their error and no match', async () => {
    const app = journalApp();
    await chat(app, { model: 'no-such-model', messages: hello });
    const [entry] = await requests(app);
    expect([entry.status, entry.model, entry.match, entry.error.type]).toEqual([404, 'no-such-model', null, 'resource_not_found_error']);
  });

  it('records other routes too, but not the admin routes', async () => {
    const app = journalApp();
    await app.request('/v1/models', { headers: AUTH });
    await app.request('/_mock/limits');
    expect((await requests(app)).map((entry: any) => `${entry.method} ${entry.path}`)).toEqual(['GET /v1/models']);
  });

  it('records a stream whose client went away as aborted', async () => {
    const app = journalApp({ fixtures: [{ reply: { content: 'one two three four five six' }, stream: { ttftMs: 1000 } }], clock: createManualClock(0) });
    const controller = new AbortController();
    const res = await app.request('/v1/chat/completions', {
      method: 'POST', signal: controller.signal, headers: { 'Content-Type': 'application/json', ...AUTH },
      body: JSON.stringify({ model: MODEL, messages: hello, stream: true }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect((await requests(app))[0]).toMatchObject({ stream: true, status: 200, aborted: true });
  });
});
