import { afterEach, describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { fixtureFileSchema } from '../../src/fixtures/fixture-schema.ts';
import { client, filesIn, harness, recorded } from './two-instances.ts';

const h = harness();
afterEach(() => h.cleanup());

const ask = { model: 'kimi-k2.6', messages: [{ role: 'user' as const, content: 'Summarise the report.' }] };
const overloaded = { type: 'engine_overloaded_error', message: 'The engine is currently overloaded, please try again later' };

async function statusOf(promise: Promise<unknown>): Promise<{ status: number | undefined; error: unknown }> {
  try {
    await promise;
    return { status: 200, error: undefined };
  } catch (err) {
    return { status: (err as APIError).status, error: (err as APIError).error };
  }
}

async function recordCalls(fixture: Record<string, unknown>, calls: number) {
  const dir = h.dir();
  const upstream = await h.upstream({ fixtures: [fixture] });
  const recorder = await h.start({ record: { dir, upstream: upstream.baseURL } });
  const live = [];
  for (let i = 0; i < calls; i++) live.push(await statusOf(client(recorder).chat.completions.create(ask)));
  await recorded(h.logs, calls);
  await h.stopServers();
  return { dir, live };
}

describe('upstream errors', { timeout: 60_000 }, () => {
  it('records a 429 followed by a success as a fault on the first call, and replays both', async () => {
    const { dir, live } = await recordCalls({ reply: { content: 'Done.' }, fault: { kind: 'http', status: 429, when: { first: 1 } } }, 2);
    expect(live).toEqual([{ status: 429, error: overloaded }, { status: 200, error: undefined }]);
    const [file] = Object.values(filesIn(dir));
    const fixture = fixtureFileSchema.parse(JSON.parse(file!)).fixtures[0]!;
    expect(fixture.fault).toEqual({ kind: 'http', status: 429, ...overloaded, when: { calls: [1] } });
    const replay = await h.start({ fixtures: [dir], unmatched: 'error' });
    const offline = [await statusOf(client(replay).chat.completions.create(ask)), await statusOf(client(replay).chat.completions.create(ask))];
    expect(offline).toEqual(live);
  });

  it('records a 400 as a fault on every call', async () => {
    const rejected = { type: 'content_filter', message: 'The request was rejected because it was considered high risk' };
    const { dir } = await recordCalls({ reply: { content: 'never' }, fault: { kind: 'http', status: 400 } }, 1);
    const replay = await h.start({ fixtures: [dir], unmatched: 'error' });
    expect(await statusOf(client(replay).chat.completions.create(ask))).toEqual({ status: 400, error: rejected });
    expect(await statusOf(client(replay).chat.completions.create(ask))).toEqual({ status: 400, error: rejected });
  });

  it('passes a 401 on to the client without recording it', async () => {
    const dir = h.dir();
    const upstream = await h.upstream();
    const recorder = await h.start({ record: { dir, upstream: upstream.baseURL } });
    const result = await statusOf(client(recorder, { apiKey: 'sk-wrong-key' }).chat.completions.create(ask));
    expect(result).toEqual({ status: 401, error: { type: 'invalid_authentication_error', message: 'Invalid Authentication' } });
    await expect.poll(() => h.logs.some((line) => line.includes('the upstream answered 401, which says nothing about the request; nothing recorded'))).toBe(true);
    expect(filesIn(dir)).toEqual({});
  });
});
