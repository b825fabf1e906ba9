import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useMoonshotMock } from '../../src/testing/vitest.ts';
import { askWeather, MODEL, OTHER_MODEL, TEST_MODELS, weatherFixtures } from '../journal/journal-app.ts';

const mock = useMoonshotMock({ seed: 3, models: TEST_MODELS });
const client = () => new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-test', fetch: mock.fetch, maxRetries: 0 });

describe('useMoonshotMock', () => {
  it('shows exactly two requests to the model, the second carrying the tool result', async () => {
    await mock.addFixtures(weatherFixtures);
    await askWeather(client());
    await mock.expectRequests({ model: MODEL }).toHaveLength(2);
    const [first, second] = await mock.requests({ model: MODEL });
    expect(second!.body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: first!.reply!.toolCalls[0]!.id, content: 'sunny, 24°C' });
  });

  it('starts each test in a fresh namespace, without the fixtures or journal of the test before', async () => {
    expect([await mock.requests(), await mock.scenarios()]).toEqual([[], []]);
  });

  it('names the namespace after the test', () => {
    expect(mock.id).toMatch(/^\d+-names-the-namespace-after-the-test$/);
  });

  it('fails expectRequests with what was journaled instead', async () => {
    await mock.addFixtures([{ reply: { content: 'Hi.' } }]);
    await client().chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Hello' }] });
    await expect(mock.expectRequests({ model: OTHER_MODEL }).toHaveLength(1)).rejects.toThrow(
      `Expected exactly 1 request(s) matching {"model":"${OTHER_MODEL}"} in namespace "${mock.id}", but found 0.\nJournaled instead (1 request(s), newest last):\n  ✗ #1 POST /v1/chat/completions model "${MODEL}" → 200, fixture "runtime#0", last message user — model is "${MODEL}", not "${OTHER_MODEL}"`,
    );
  });

  it('adds fixtures from YAML text', async () => {
    await mock.addFixtures('version: 1\nfixtures:\n  - reply: { content: From YAML. }\n');
    const reply = await client().chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Hello' }] });
    expect(reply.choices[0]!.message.content).toBe('From YAML.');
  });

  it('rejects a bad fixture with the file-style message', async () => {
    await expect(mock.addFixtures([{ reply: { content: 'x' }, colour: 'red' } as never])).rejects.toThrow(
      'Failed to load fixtures from runtime: fixtures[0].colour is not a known key.',
    );
  });

  it('hands out extra namespaces of their own', async () => {
    const other = mock.namespace('extra');
    await other.addFixtures([{ reply: { content: 'Only there.' } }]);
    expect([other.id === mock.id, (await mock.scenarios()).length, (await other.requests()).length]).toEqual([false, 0, 0]);
  });
});
