import { describe, expect, it } from 'vitest';
import { chat, hello } from '../support/mock-app.ts';
import { getJson, MODEL, sendAdmin, journalApp } from './journal-app.ts';

/** One conversation in three states: started → tool_called → answered. */
const order: Array<Record<string, unknown>> = [
  { name: 'call', scenario: { name: 'order', state: 'started', next: 'tool_called' }, reply: { content: 'Calling the tool.' } },
  { name: 'answer', scenario: { name: 'order', state: 'tool_called', next: 'answered' }, reply: { content: 'Here is your answer.' } },
  { name: 'again', scenario: { name: 'order', state: 'answered' }, reply: { content: 'Already answered.' } },
];

const say = async (app: ReturnType<typeof journalApp>) => (await chat(app, { model: MODEL, messages: hello })).json?.choices[0].message.content;

describe('scenarios', () => {
  it('serve the fixture of the current state and move to its next state', async () => {
    const app = journalApp({ fixtures: order });
    expect([await say(app), await say(app), await say(app), await say(app)]).toEqual(['Calling the tool.', 'Here is your answer.', 'Already answered.', 'Already answered.']);
  });

  it('show each scenario\'s state and fixtures on GET /_mock/scenarios', async () => {
    const app = journalApp({ fixtures: order });
    await say(app);
    expect(await getJson(app, '/_mock/scenarios')).toEqual({ scenarios: [{ name: 'order', state: 'tool_called', fixtures: ['call', 'answer', 'again'] }] });
  });

  it('appear in the journal with the state before and after', async () => {
    const app = journalApp({ fixtures: order });
    await say(app);
    const [entry] = (await getJson(app, '/_mock/requests')).requests;
    expect(entry.scenario).toEqual({ name: 'order', state: 'started', next: 'tool_called' });
  });

  it('do not move on a faulted call', async () => {
    const app = journalApp({ fixtures: [{ ...order[0]!, fault: { kind: 'http', status: 429, when: { first: 1 } } }, order[1]!] });
    const statuses = [(await chat(app, { model: MODEL, messages: hello })).status, await say(app), await say(app)];
    expect(statuses).toEqual([429, 'Calling the tool.', 'Here is your answer.']);
  });

  it('start again at started after POST /_mock/reset', async () => {
    const app = journalApp({ fixtures: order });
    await say(app);
    await say(app);
    await sendAdmin(app, 'POST', '/_mock/reset');
    expect(await say(app)).toBe('Calling the tool.');
  });

  it('name the scenario state in the unmatched explanation', async () => {
    const app = journalApp({ fixtures: [order[1]!] });
    const res = await chat(app, { model: MODEL, messages: hello });
    expect(res.json.error.message).toContain('"answer" (failed scenario: scenario "order" is in state "started", not "tool_called")');
  });

  it('match in any state when the fixture names none', async () => {
    const app = journalApp({ fixtures: [{ scenario: { name: 'order', next: 'done' }, reply: { content: 'Any time.' } }] });
    expect([await say(app), await say(app)]).toEqual(['Any time.', 'Any time.']);
  });
});
