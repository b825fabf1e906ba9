import { describe, expect, it } from 'vitest';
import { AUTH, chat, hello } from '../support/mock-app.ts';
import { getJson, MODEL, sendAdmin, journalApp } from './journal-app.ts';

const inNamespace = (name: string) => ({ ...AUTH, 'x-mock-namespace': name });
const say = async (app: ReturnType<typeof journalApp>, name?: string) =>
  (await chat(app, { model: MODEL, messages: hello }, name === undefined ? AUTH : inNamespace(name))).json;

describe('namespaces', () => {
  it('see their own runtime fixtures and the shared file fixtures', async () => {
    const app = journalApp({ fixtures: [{ match: { user: 'bye' }, reply: { content: 'From the file.' } }] });
    await sendAdmin(app, 'POST', '/_mock/fixtures?namespace=a', { version: 1, fixtures: [{ match: { user: 'Hello' }, reply: { content: 'Only in a.' } }] });
    const bye = await chat(app, { model: MODEL, messages: [{ role: 'user', content: 'bye' }] }, inNamespace('a'));
    expect([(await say(app, 'a')).choices[0].message.content, bye.json.choices[0].message.content, (await say(app, 'b')).error.type]).toEqual([
      'Only in a.', 'From the file.', 'fixture_unmatched_error',
    ]);
  });

  it('count reply sequences separately', async () => {
    const app = journalApp({ fixtures: [{ replies: [{ content: 'first' }, { content: 'second' }] }] });
    await say(app, 'a');
    expect([(await say(app, 'a')).choices[0].message.content, (await say(app, 'b')).choices[0].message.content]).toEqual(['second', 'first']);
  });

  it('keep their own journal', async () => {
    const app = journalApp();
    await say(app, 'a');
    await say(app);
    const counts = await Promise.all(['a', 'default', '*'].map(async (name) => (await getJson(app, `/_mock/requests/count?namespace=${name}`)).count));
    expect(counts).toEqual([1, 1, 2]);
  });

  it('read the namespace from the x-mock-namespace header on admin routes too', async () => {
    const app = journalApp();
    await say(app, 'a');
    expect(await getJson(app, '/_mock/requests/count', { 'x-mock-namespace': 'a' })).toEqual({ count: 1 });
  });

  it('have rate-limit usage of their own', async () => {
    const app = journalApp({ limits: { rpm: 1 } });
    await say(app, 'a');
    expect([(await say(app, 'a')).error?.type, (await say(app, 'b')).error]).toEqual(['rate_limit_reached_error', undefined]);
  });

  it('hand out request ids of their own', async () => {
    const app = journalApp();
    const a = (await chat(app, { model: MODEL, messages: hello }, inNamespace('a'))).headers.get('msh-request-id');
    const b = (await chat(app, { model: MODEL, messages: hello }, inNamespace('b'))).headers.get('msh-request-id');
    expect(a).not.toBe(b);
  });

  it('refuse a malformed name with a 400', async () => {
    const res = await chat(journalApp(), { model: MODEL, messages: hello }, inNamespace('a b'));
    expect([res.status, res.json.error.message]).toEqual([400, 'Invalid request: x-mock-namespace must be 1 to 128 letters, digits, \'.\', \'_\', \':\' or \'-\', not "a b"']);
  });

  it('are bounded by maxNamespaces, the default included', async () => {
    const app = journalApp({ maxNamespaces: 2 });
    await say(app, 'a');
    const res = await chat(app, { model: MODEL, messages: hello }, inNamespace('b'));
    expect([res.status, res.json.error.message]).toEqual([400, 'Invalid request: x-mock-namespace: the server already holds 2 namespaces (maxNamespaces). Drop finished ones with DELETE /_mock/namespaces/{name} or POST /_mock/reset, or raise maxNamespaces']);
  });

  it('are listed, and dropped with DELETE /_mock/namespaces/{name}', async () => {
    const app = journalApp();
    await say(app, 'a');
    const listed = (await getJson(app, '/_mock/namespaces')).namespaces.map((n: any) => n.name);
    const dropped = await sendAdmin(app, 'DELETE', '/_mock/namespaces/a');
    expect([listed, dropped.json, (await getJson(app, '/_mock/namespaces')).namespaces.map((n: any) => n.name)]).toEqual([['default', 'a'], { dropped: true }, ['default']]);
  });
});
