import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFileSchema } from '../../src/fixtures/fixture-schema.ts';
import { runToolLoop } from './tool-loop.ts';
import { client, filesIn, harness, recorded, upstreamFixtures } from './two-instances.ts';

const h = harness();
afterEach(() => h.cleanup());

const question = 'What is the weather in Paris?';
const fixturesIn = (dir: string) => Object.values(filesIn(dir)).flatMap((text) => fixtureFileSchema.parse(JSON.parse(text)).fixtures);

/** An upstream whose final answer says `answer`. */
function upstreamSaying(answer: string) {
  return h.upstream({ fixtures: [upstreamFixtures[0]!, { ...upstreamFixtures[1]!, reply: { reasoning_content: 'Checked.', content: answer } }] });
}

async function recordRun(dir: string, mode: 'record' | 'record-all', answer: string, expectRecorded: number) {
  const before = h.logs.length;
  const upstream = await upstreamSaying(answer);
  const recorder = await h.start({ record: { mode, dir, upstream: upstream.baseURL } });
  const seen = await runToolLoop(client(recorder), question, false);
  if (expectRecorded > 0) await recorded(h.logs.slice(before), expectRecorded);
  await h.stopServers();
  return seen;
}

describe('recording again', { timeout: 60_000 }, () => {
  it('answers from the recording on a second record run instead of adding fixtures', async () => {
    const dir = h.dir();
    await recordRun(dir, 'record', 'Sunny.', 2);
    const files = filesIn(dir);
    const second = await recordRun(dir, 'record', 'Rainy.', 0);
    expect((second[1]!.message as any).content).toBe('Sunny.');
    expect(filesIn(dir)).toEqual(files);
  });

  it('replaces the fixture of a request recorded twice in one run', async () => {
    const dir = h.dir();
    const upstream = await upstreamSaying('Sunny.');
    const recorder = await h.start({ record: { dir, upstream: upstream.baseURL } });
    await runToolLoop(client(recorder), question, false);
    await runToolLoop(client(recorder), question, false);
    await recorded(h.logs, 4);
    expect(fixturesIn(dir)).toHaveLength(2);
    expect(h.logs.filter((line) => line.includes('replacing the earlier recording'))).toHaveLength(2);
  });

  it('updates the fixtures in place on a record-all run, in the same file', async () => {
    const dir = h.dir();
    await recordRun(dir, 'record-all', 'Sunny.', 2);
    const names = fixturesIn(dir).map((f) => f.name);
    const fileNames = Object.keys(filesIn(dir));
    const second = await recordRun(dir, 'record-all', 'Rainy.', 2);
    expect((second[1]!.message as any).content).toBe('Rainy.');
    expect(Object.keys(filesIn(dir))).toEqual(fileNames);
    expect(fixturesIn(dir).map((f) => f.name)).toEqual(names);
    expect(fixturesIn(dir)[1]!.reply!.content).toBe('Rainy.');
  });
});
