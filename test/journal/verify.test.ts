import { describe, expect, it } from 'vitest';
import {} from '../support/mock-app.ts';
import { sdkClient } from '../support/sdk-client.ts';
import { askWeather, MODEL, sendAdmin, weatherFixtures, journalApp } from './journal-app.ts';

async function appAfterToolLoop() {
  const app = journalApp({ fixtures: weatherFixtures });
  await askWeather(sdkClient(app));
  return app;
}

describe('POST /_mock/verify', () => {
  it('answers 200 when the expectation holds', async () => {
    const res = await sendAdmin(await appAfterToolLoop(), 'POST', '/_mock/verify', { filter: { model: MODEL }, count: 2 });
    expect([res.status, res.json.verified, res.json.matched]).toEqual([200, true, 2]);
  });

  it('answers 422 with what was journaled instead when it does not', async () => {
    const res = await sendAdmin(await appAfterToolLoop(), 'POST', '/_mock/verify', { filter: { fixture: 'weather-answer' }, count: 2 });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toBe([
      'Expected exactly 2 request(s) matching {"fixture":"weather-answer"} in namespace "default", but found 1.',
      'Journaled instead (2 request(s), newest last):',
      `  ✗ #1 POST /v1/chat/completions model "${MODEL}" → 200, fixture "weather-call", last message user — answered by "weather-call", not fixture "weather-answer"`,
      `  ✓ #2 POST /v1/chat/completions model "${MODEL}" → 200, fixture "weather-answer", last message tool`,
    ].join('\n'));
  });

  it('says so when nothing was journaled', async () => {
    const res = await sendAdmin(journalApp(), 'POST', '/_mock/verify', { filter: { model: MODEL }, atLeast: 1 });
    expect(res.json.error.message).toBe(`Expected at least 1 request(s) matching {"model":"${MODEL}"} in namespace "default", but found 0.\nNothing was journaled there.`);
  });

  it('checks atLeast and atMost together', async () => {
    const res = await sendAdmin(await appAfterToolLoop(), 'POST', '/_mock/verify', { filter: {}, atLeast: 1, atMost: 1 });
    expect(res.json.error.message.split('\n')[0]).toBe('Expected at least 1 and at most 1 request(s) matching {} in namespace "default", but found 2.');
  });

  it('refuses a verification without an expectation', async () => {
    const res = await sendAdmin(journalApp(), 'POST', '/_mock/verify', { filter: { model: MODEL } });
    expect([res.status, res.json.error.message]).toEqual([400, 'Invalid request: POST /_mock/verify: give an expectation: `count`, `atLeast` or `atMost`']);
  });
});
