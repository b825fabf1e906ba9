import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useMoonshotMock } from '../../src/testing/vitest.ts';
import { MODEL, TEST_MODELS } from '../journal/journal-app.ts';

const mock = useMoonshotMock({ models: TEST_MODELS, fixtures: [{ name: 'shared', match: { user: 'shared' }, reply: { content: 'From the shared file fixtures.' } }] });

/** Sends one request and returns the reply text, or the status of the error. */
async function ask(client: OpenAI, text: string): Promise<string | number> {
  try {
    const reply = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: text }] });
    return reply.choices[0]!.message.content!;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error.status!;
    throw error;
  }
}

describe.concurrent('ten tests on one server at once', () => {
  for (let i = 0; i < 10; i++) {
    it(`test ${i} sees its own fixtures, sequence, "429 twice" fault and journal`, async () => {
      const ns = mock.namespace(`concurrent-${i}`);
      // Every test uses the same fixture name: only the namespace keeps their counts apart.
      await ns.addFixtures([{ name: 'steps', match: { user: 'step' }, fault: { kind: 'http', status: 429, when: { first: 2 } }, replies: [{ content: `${i}: one` }, { content: `${i}: two` }] }]);
      const client = new OpenAI({ baseURL: ns.baseURL, apiKey: 'sk-test', fetch: ns.fetch, maxRetries: 0 });
      const outcomes = [];
      for (const text of ['step', 'step', 'step', 'shared', 'step']) outcomes.push(await ask(client, text));
      expect(outcomes).toEqual([429, 429, `${i}: one`, 'From the shared file fixtures.', `${i}: two`]);
      const journal = await ns.requests();
      expect(journal.map((entry) => [entry.namespace, entry.status, entry.match?.fixture, entry.fault?.source ?? null])).toEqual([
        [ns.id, 429, 'steps', 'fixture'],
        [ns.id, 429, 'steps', 'fixture'],
        [ns.id, 200, 'steps', null],
        [ns.id, 200, 'shared', null],
        [ns.id, 200, 'steps', null],
      ]);
    });
  }
});

describe.concurrent('the current-test shorthand under concurrency', () => {
  let arrived = 0;
  let release: () => void = () => {};
  const bothRunning = new Promise<void>((resolve) => (release = resolve));
  const meet = async () => {
    if (++arrived === 2) release();
    await bothRunning;
  };

  it('is refused while two tests run at once', async () => {
    await meet();
    // Two or more: tests of the suite above may still be finishing.
    expect(() => mock.fetch).toThrow(/^moonshot-mock: \d+ tests run at once, so "the current test" is ambiguous\. In concurrent tests use `const ns = mock\.namespace\(\)`$/);
  });

  it('is refused in the other one too', async () => {
    await meet();
    expect(() => mock.requests()).toThrow(/^moonshot-mock: \d+ tests run at once/);
  });
});
