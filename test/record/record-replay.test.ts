import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFileSchema } from '../../src/fixtures/fixture-schema.ts';
import { runToolLoop } from './tool-loop.ts';
import { client, filesIn, harness, recorded } from './two-instances.ts';

const h = harness();
afterEach(() => h.cleanup());

/** An upstream that answers every request with the live kimi-k2.5 tool-call stream (recorded before that model retired), event by event. */
async function liveRecordingUpstream(): Promise<string> {
  const events = readFileSync(new URL('../wire/k2.5-stream-tool-call.sse', import.meta.url), 'utf8').split(/(?<=\n\n)/);
  return h.raw((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const event of events) res.write(event);
    res.end();
  });
}

/** The `choices` of every chunk a streamed request gets, and its usage. */
async function streamedChoices(server: Parameters<typeof client>[0]) {
  const weather = { type: 'function' as const, function: { name: 'weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } };
  const stream = await client(server).chat.completions.create({
    model: 'kimi-k2.6', messages: [{ role: 'user', content: 'What is the weather in San Francisco?' }], tools: [weather],
    stream: true, stream_options: { include_usage: true },
  });
  const seen: unknown[] = [];
  for await (const chunk of stream) seen.push({ choices: chunk.choices, usage: chunk.usage });
  return seen;
}

/** Records the loop through a recorder in front of an upstream emulator, then replays it offline. */
async function recordThenReplay(stream: boolean) {
  const dir = h.dir();
  const upstream = await h.upstream();
  const recorder = await h.start({ record: { dir, upstream: upstream.baseURL } });
  const live = await runToolLoop(client(recorder), 'What is the weather in Paris?', stream);
  await recorded(h.logs, 2);
  await h.stopServers();
  const replay = await h.start({ fixtures: [dir], unmatched: 'error' });
  const offline = await runToolLoop(client(replay), 'What is the weather in Paris?', stream);
  return { dir, live, offline };
}

describe('record, then replay offline', { timeout: 60_000 }, () => {
  it('replays a streamed tool loop with the same deltas, chunk for chunk, and the same usage', async () => {
    const { live, offline } = await recordThenReplay(true);
    expect(live[0]!.chunks!.length).toBeGreaterThan(5);
    expect(offline).toEqual(live);
  });

  it('replays a non-streamed tool loop with the same content, reasoning, tool calls and usage', async () => {
    const { live, offline } = await recordThenReplay(false);
    expect((live[0]!.message as any).tool_calls[0].function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' });
    expect(offline).toEqual(live);
  });

  it('replays the live API\u2019s own stream chunk for chunk: empty reasoning delta, argument slices, usage', async () => {
    const dir = h.dir();
    const recorder = await h.start({ record: { dir, upstream: await liveRecordingUpstream() } });
    const recordedStream = await streamedChoices(recorder);
    await recorded(h.logs, 1);
    await h.stopServers();
    const replay = await h.start({ fixtures: [dir], unmatched: 'error' });
    expect(await streamedChoices(replay)).toEqual(recordedStream);
    expect(recordedStream).toHaveLength(12);
  });

  it('writes one file for the conversation, parsed back by the fixture schema, with a stream block', async () => {
    const { dir } = await recordThenReplay(true);
    const files = Object.values(filesIn(dir));
    expect(files).toHaveLength(1);
    const file = fixtureFileSchema.parse(JSON.parse(files[0]!));
    expect(file.fixtures.map((f) => f.match)).toEqual([
      { model: 'kimi-k2.7-code', lastRole: 'user', turn: 1, thinking: true, tools: ['get_weather'], user: { equals: 'What is the weather in Paris?' } },
      {
        model: 'kimi-k2.7-code', lastRole: 'tool', turn: 1, thinking: true, tools: ['get_weather'],
        toolResult: { name: 'get_weather', contains: '{"city":"Paris","sky":"sunny","celsius":21}' },
      },
    ]);
    // The shared virtual clock runs the upstream's pacing before the recorder reads a byte, so the
    // pace measured here is 0 ms; assemble-stream-reply.test.ts checks the measurement itself.
    expect(file.fixtures.map((f) => f.stream)).toEqual([{ ttftMs: 0, tokensPerDelta: 1 }, { ttftMs: 0, tokensPerDelta: 1 }]);
  });
});
