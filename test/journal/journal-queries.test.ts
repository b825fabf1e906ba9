import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { AUTH, chat, hello } from '../support/mock-app.ts';
import { getJson, journalApp, MODEL, OTHER_MODEL, sendAdmin, weatherFixtures } from './journal-app.ts';

/** An app that has seen: a fixture reply, an unmatched request, a generated-model 404, at t = 0, 1000, 2000. */
async function usedApp() {
  const clock = createManualClock(0);
  const app = journalApp({ fixtures: weatherFixtures, clock });
  await chat(app, { model: MODEL, messages: [{ role: 'user', content: 'weather in Paris' }], tools: [{ type: 'function', function: { name: 'get_weather' } }] });
  clock.advance(1000);
  await chat(app, { model: OTHER_MODEL, messages: hello });
  clock.advance(1000);
  await chat(app, { model: 'no-such-model', messages: hello });
  return app;
}

const seqs = async (app: ReturnType<typeof journalApp>, query: string) => (await getJson(app, `/_mock/requests?${query}`)).requests.map((entry: any) => entry.seq);

describe('GET /_mock/requests', () => {
  it('lists every request, newest last', async () => {
    expect(await seqs(await usedApp(), '')).toEqual([1, 2, 3]);
  });

  it('filters by model', async () => {
    expect(await seqs(await usedApp(), `model=${OTHER_MODEL}`)).toEqual([2]);
  });

  it('filters by the fixture that answered', async () => {
    expect(await seqs(await usedApp(), 'fixture=weather-call')).toEqual([1]);
  });

  it('filters the unmatched requests', async () => {
    expect(await seqs(await usedApp(), 'unmatched=true')).toEqual([2]);
  });

  it('filters by status', async () => {
    expect(await seqs(await usedApp(), 'status=404')).toEqual([3]);
  });

  it('filters by arrival time, in ms or as an ISO date', async () => {
    const app = await usedApp();
    expect([await seqs(app, 'since=1000'), await seqs(app, 'since=1970-01-01T00:00:02Z')]).toEqual([[2, 3], [3]]);
  });

  it('keeps the newest N with limit', async () => {
    expect(await seqs(await usedApp(), 'limit=2')).toEqual([2, 3]);
  });

  it('answers a bad filter with a 400 naming it', async () => {
    const res = await sendAdmin(await usedApp(), 'GET', '/_mock/requests?colour=red');
    expect([res.status, res.json.error.message]).toEqual([400, 'Invalid request: GET /_mock/requests: Unrecognized key: "colour"']);
  });
});

describe('GET /_mock/requests/count and DELETE /_mock/requests', () => {
  it('counts the requests matching the same filters', async () => {
    expect(await getJson(await usedApp(), '/_mock/requests/count?status=200')).toEqual({ count: 1 });
  });

  it('clears the journal', async () => {
    const app = await usedApp();
    const cleared = await sendAdmin(app, 'DELETE', '/_mock/requests');
    expect([cleared.json, await seqs(app, '')]).toEqual([{ cleared: 3 }, []]);
  });

  it('numbers requests from 1 again after a clear', async () => {
    const app = await usedApp();
    await sendAdmin(app, 'DELETE', '/_mock/requests');
    await chat(app, { model: OTHER_MODEL, messages: hello }, AUTH);
    expect(await seqs(app, '')).toEqual([1]);
  });
});
