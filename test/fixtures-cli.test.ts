import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { plain } from './support/mock-app.ts';
import { listening, run, SPAWN_TIMEOUT_MS, stopSpawned } from './support/run-cli.ts';

// The fixture file of the fixture-files issue, as a user would write it.
const issueYaml = `version: 1
fixtures:
  - name: weather-call                 # unique; defaults to file#index
    match:
      model: kimi-k2.6                 # string or list
      user: { contains: "weather in Paris" }   # the last user message's text; a bare string means contains
    reply:
      tool_calls:
        - name: get_weather
          arguments: { city: Paris }   # an object or a JSON string
  - name: weather-answer
    match:
      toolResult: { name: get_weather }   # the conversation ends with this tool's result
    reply:
      content: "It is sunny in Paris."
      reasoning_content: "The tool says sunny."
`;

const tools: OpenAI.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
];

/** Serves the issue's fixture file through the CLI; an openai client pointed at it. */
async function serveIssueFixtures(): Promise<OpenAI> {
  const dir = mkdtempSync(join(tmpdir(), 'mm-fixtures-'));
  mkdirSync(join(dir, 'my-fixtures'));
  writeFileSync(join(dir, 'my-fixtures', 'weather.yaml'), issueYaml);
  const cli = run(['--port', '0', '--fixtures', join(dir, 'my-fixtures')], {}, listening);
  return new OpenAI({ baseURL: await cli.ready, apiKey: 'sk-test' });
}

// Every server a test started is killed with its process group, whatever the outcome.
afterEach(stopSpawned);

type Assembled = { message: OpenAI.ChatCompletionMessage & { reasoning_content?: string }; finish_reason: string | null };

/**
 * Assembles a streamed turn the way a Kimi-aware client must: concatenating `content` and
 * `reasoning_content`, and tool calls by `index`. (The SDK's own `stream().finalChatCompletion()`
 * keeps only the last `reasoning_content` delta, since that field is not OpenAI's.)
 */
async function assemble(stream: AsyncIterable<OpenAI.ChatCompletionChunk>): Promise<Assembled> {
  let content = '';
  let reasoning = '';
  let finish: string | null = null;
  const calls: OpenAI.ChatCompletionMessageFunctionToolCall[] = [];
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (!choice) continue;
    const delta = choice.delta as OpenAI.ChatCompletionChunk.Choice.Delta & { reasoning_content?: string };
    content += delta.content ?? '';
    reasoning += delta.reasoning_content ?? '';
    for (const part of delta.tool_calls ?? []) {
      const call = (calls[part.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } });
      if (part.id) call.id = part.id;
      if (part.function?.name) call.function.name = part.function.name;
      call.function.arguments += part.function?.arguments ?? '';
    }
    finish = choice.finish_reason ?? finish;
  }
  const message = { role: 'assistant', content, refusal: null, reasoning_content: reasoning, ...(calls.length > 0 && { tool_calls: calls }) } as Assembled['message'];
  return { message, finish_reason: finish };
}

/** Runs the tool loop (call → tool result → answer); `stream` assembles each turn from the stream. */
async function toolLoop(client: OpenAI, stream: boolean) {
  const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: "What's the weather in Paris?" }];
  const turn = async () => {
    const body = { model: 'kimi-k2.6', messages, tools };
    if (stream) return assemble(await client.chat.completions.create({ ...body, stream: true }));
    return (await client.chat.completions.create(body)).choices[0]! as Assembled;
  };
  const first = await turn();
  messages.push(first.message as OpenAI.ChatCompletionMessageParam);
  const call = first.message.tool_calls![0]!;
  messages.push({ role: 'tool', tool_call_id: call.id, content: 'sunny, 24°C' });
  const second = await turn();
  messages.push(second.message as OpenAI.ChatCompletionMessageParam);
  return { messages, finishes: [first.finish_reason, second.finish_reason] };
}

describe('fixtures through the CLI and the openai SDK', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('runs the whole tool loop, with the same assembled messages streamed and not', async () => {
    const client = await serveIssueFixtures();
    const whole = await toolLoop(client, false);
    const streamed = await toolLoop(client, true);
    expect(whole.finishes).toEqual(['tool_calls', 'stop']);
    expect(streamed.finishes).toEqual(whole.finishes);
    const call = whole.messages[1] as OpenAI.ChatCompletionAssistantMessageParam & { reasoning_content?: string };
    expect(call.tool_calls).toEqual([{ index: 0, id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }]);
    expect(whole.messages.at(-1)).toMatchObject({ role: 'assistant', content: 'It is sunny in Paris.', reasoning_content: 'The tool says sunny.' });
    const shape = (m: any) => ({ role: m.role, content: m.content ?? '', reasoning_content: m.reasoning_content ?? '', tool_calls: m.tool_calls?.map((c: any) => ({ id: c.id, type: c.type, function: c.function })) });
    expect(streamed.messages.map(shape)).toEqual(whole.messages.map(shape));
  });

  it('refuses to start on a broken fixture file, naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-broken-'));
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nfixtures:\n  - match: { usr: "hi" }\n    reply: { content: "x" }\n');
    const broken = run(['--port', '0', '--fixtures', join(dir, 'bad.yaml')]);
    expect(await broken.exited).toBe(2);
    expect(broken.output().stderr).toMatch(/^moonshot-mock: Failed to load fixtures from .*bad\.yaml: fixtures\[0\]\.match\.usr .+\n$/);
  });

  it('reads fixture paths in a config file relative to that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-config-'));
    mkdirSync(join(dir, 'fx'));
    writeFileSync(join(dir, 'fx', 'hi.yaml'), 'version: 1\nfixtures:\n  - reply: { content: "from the config" }\n');
    writeFileSync(join(dir, 'mock.yaml'), 'port: 0\nfixtures: [./fx]\n');
    const other = run(['--config', join(dir, 'mock.yaml')], {}, listening);
    const baseURL = await other.ready;
    const reply = await new OpenAI({ baseURL, apiKey: 'k' }).chat.completions.create({ ...plain, messages: [{ role: 'user', content: 'Hi' }] });
    expect(reply.choices[0]!.message.content).toBe('from the config');
    other.child.kill('SIGTERM');
    expect(await other.exited).toBe(0);
  });
});
