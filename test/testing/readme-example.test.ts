import OpenAI from 'openai';
import { expect, it } from 'vitest';
import { useMoonshotMock } from 'moonshot-mock/vitest';

const mock = useMoonshotMock(); // one server for this file, a fresh namespace for each test

it('sends the tool result back on the second request', async () => {
  await mock.addFixtures([
    { match: { user: 'weather in Paris' }, reply: { tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] } },
    { match: { toolResult: { name: 'get_weather' } }, reply: { content: 'It is sunny in Paris.' } },
  ]);
  const client = new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-test', fetch: mock.fetch });
  const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object' } } }];
  const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: "What's the weather in Paris?" }];
  const first = await client.chat.completions.create({ model: 'kimi-k3', messages, tools });
  messages.push(first.choices[0]!.message, { role: 'tool', tool_call_id: first.choices[0]!.message.tool_calls![0]!.id, content: 'sunny' });
  await client.chat.completions.create({ model: 'kimi-k3', messages, tools });

  await mock.expectRequests({ model: 'kimi-k3' }).toHaveLength(2);
  const [, second] = await mock.requests();
  expect(second!.body.messages.at(-1)).toMatchObject({ role: 'tool', content: 'sunny' });
});
