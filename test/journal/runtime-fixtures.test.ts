import { describe, expect, it } from 'vitest';
import { chat, hello } from '../support/mock-app.ts';
import { getJson, MODEL, sendAdmin, weatherFixtures, journalApp } from './journal-app.ts';

const yamlFile = `version: 1
fixtures:
  - name: greeting
    match: { user: Hello }
    reply: { content: Hi from YAML. }
`;

describe('POST /_mock/fixtures', () => {
  it('adds fixtures from a JSON body that answer at once', async () => {
    const app = journalApp();
    const added = await sendAdmin(app, 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ reply: { content: 'Added at runtime.' } }] });
    const res = await chat(app, { model: MODEL, messages: hello });
    expect([added.status, added.json.added, res.json.choices[0].message.content]).toEqual([201, [{ name: 'runtime#0', source: 'runtime#0' }], 'Added at runtime.']);
  });

  it('adds fixtures from a YAML body', async () => {
    const app = journalApp();
    await sendAdmin(app, 'POST', '/_mock/fixtures', yamlFile, { 'content-type': 'application/yaml' });
    expect((await chat(app, { model: MODEL, messages: hello })).json.choices[0].message.content).toBe('Hi from YAML.');
  });

  it('refuses a body sent as text/plain with a 415, as every admin POST (a web page could send one)', async () => {
    const res = await sendAdmin(journalApp(), 'POST', '/_mock/fixtures', yamlFile, { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('answers a bad fixture with the message a file would get', async () => {
    const res = await sendAdmin(journalApp(), 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ priority: 'high', reply: { content: 'x' } }] });
    expect([res.status, res.json.error]).toEqual([400, { type: 'invalid_request_error', message: 'Failed to load fixtures from runtime: fixtures[0].priority must be a number, not the string "high"' }]);
  });

  it('refuses a name already taken by a file fixture', async () => {
    const res = await sendAdmin(journalApp({ fixtures: weatherFixtures }), 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ name: 'weather-call', reply: { content: 'x' } }] });
    expect(res.json.error.message).toBe('Failed to load fixtures from runtime: fixtures[0].name uses the name "weather-call", already taken by inline#0. Rename it: names are unique across all loaded fixtures');
  });

  it('matches runtime fixtures before the file fixtures of the same priority', async () => {
    const app = journalApp({ fixtures: [{ reply: { content: 'From the file.' } }] });
    await sendAdmin(app, 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ reply: { content: 'From the test.' } }] });
    expect((await chat(app, { model: MODEL, messages: hello })).json.choices[0].message.content).toBe('From the test.');
  });

  it('numbers the unnamed fixtures of later posts on from the earlier ones', async () => {
    const app = journalApp();
    await sendAdmin(app, 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ reply: { content: 'a' } }] });
    const second = await sendAdmin(app, 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ reply: { content: 'b' } }] });
    expect(second.json.added).toEqual([{ name: 'runtime#1', source: 'runtime#1' }]);
  });
});

describe('GET and DELETE /_mock/fixtures', () => {
  it('lists every fixture with its source, origin and use counts', async () => {
    const app = journalApp({ fixtures: [weatherFixtures[0]!, { name: 'flaky', fault: { kind: 'http', status: 429, when: { first: 1 } }, reply: { content: 'ok' } }] });
    await sendAdmin(app, 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ name: 'extra', match: { user: 'never' }, reply: { content: 'x' } }] });
    await chat(app, { model: MODEL, messages: hello });
    await chat(app, { model: MODEL, messages: hello });
    const { fixtures } = await getJson(app, '/_mock/fixtures');
    expect(fixtures.map((f: any) => [f.name, f.source, f.origin, f.matched, f.served])).toEqual([
      ['extra', 'runtime#0', 'runtime', 0, 0],
      ['weather-call', 'inline#0', 'file', 0, 0],
      ['flaky', 'inline#1', 'file', 2, 1],
    ]);
  });

  it('removes the runtime fixtures and keeps the file ones', async () => {
    const app = journalApp({ fixtures: weatherFixtures });
    await sendAdmin(app, 'POST', '/_mock/fixtures', { version: 1, fixtures: [{ reply: { content: 'x' } }] });
    const removed = await sendAdmin(app, 'DELETE', '/_mock/fixtures');
    const { fixtures } = await getJson(app, '/_mock/fixtures');
    expect([removed.json, fixtures.map((f: any) => f.name)]).toEqual([{ removed: 1 }, ['weather-call', 'weather-answer']]);
  });
});
