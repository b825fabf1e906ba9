import { describe, expect, it } from 'vitest';
import {} from '../support/mock-app.ts';
import { sdkClient } from '../support/sdk-client.ts';
import { askWeather, getJson, MODEL, weatherFixtures, journalApp } from './journal-app.ts';

describe('what my code sent, through GET /_mock/requests', () => {
  it('shows exactly two requests to the model, the second carrying the tool result', async () => {
    const app = journalApp({ fixtures: weatherFixtures });
    await askWeather(sdkClient(app));
    const { requests } = await getJson(app, `/_mock/requests?model=${MODEL}`);
    expect(requests).toHaveLength(2);
    const [first, second] = requests;
    const call = first.reply.toolCalls[0];
    expect(second.body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: call.id, content: 'sunny, 24°C' });
  });
});
