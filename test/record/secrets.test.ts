import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { client, filesIn, harness, KEY, recorded, weatherTool } from './two-instances.ts';

const h = harness();
const TENANT = 'tenant-secret-987';
const ACCOUNT = 'acct-12345';
const question = `My key is ${KEY}, tenant ${TENANT}, account ${ACCOUNT}: what is the weather at home?`;
/** The upstream echoes the account and the city back, as a model repeating what it was told would. */
const echoing = [{
  match: { user: { regex: '(acct-\\d+)' } },
  reply: { content: 'Checking $1 for you, key and all.', tool_calls: [{ name: 'get_weather', arguments: { city: 'Paris', account: '$1' } }] },
}];
const redact = { headers: ['x-tenant-token'], patterns: ['acct-\\d{5}'], paths: ['reply.tool_calls.*.arguments.city'] };
let printed: string[];

beforeEach(() => {
  printed = [];
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.cleanup();
});

async function recordEchoes(stream: boolean) {
  const dir = h.dir();
  const upstream = await h.upstream({ fixtures: echoing });
  const recorder = await h.start({ record: { dir, upstream: upstream.baseURL }, redact });
  const openai = client(recorder, { defaultHeaders: { 'x-tenant-token': TENANT } });
  const body = { model: 'kimi-k2.6', messages: [{ role: 'user' as const, content: question }], tools: [weatherTool] };
  const answer = stream
    ? await (async () => {
        let text = '';
        for await (const chunk of await openai.chat.completions.create({ ...body, stream: true })) text += chunk.choices[0]?.delta.content ?? '';
        return text;
      })()
    : (await openai.chat.completions.create(body)).choices[0]!.message.content;
  await recorded(h.logs, 1);
  return { dir, answer };
}

describe('secrets while recording', { timeout: 60_000 }, () => {
  for (const stream of [false, true]) {
    it(`keeps the key and the redacted values out of the recorded files (${stream ? 'streamed' : 'not streamed'})`, async () => {
      const { dir, answer } = await recordEchoes(stream);
      expect(answer).toBe(`Checking ${ACCOUNT} for you, key and all.`);
      const written = Object.keys(filesIn(dir)).join('\n') + Object.values(filesIn(dir)).join('\n');
      for (const secret of [KEY, TENANT, ACCOUNT, 'Paris']) expect(written).not.toContain(secret);
      expect(written).toContain('[REDACTED]');
    });
  }

  it('keeps the key and the redacted values out of the logs', async () => {
    await recordEchoes(true);
    const logs = [...h.logs, ...printed].join('\n');
    expect(h.logs.some((line) => line.includes(': recorded '))).toBe(true);
    for (const secret of [KEY, TENANT, ACCOUNT]) expect(logs).not.toContain(secret);
  });

  it('still matches the original request on replay, secrets in place of the redacted parts', async () => {
    const { dir } = await recordEchoes(false);
    await h.stopServers();
    const replay = await h.start({ fixtures: [dir], unmatched: 'error' });
    const completion = await client(replay).chat.completions.create({
      model: 'kimi-k2.6', messages: [{ role: 'user', content: question }], tools: [weatherTool],
    });
    expect(completion.choices[0]!.message.content).toBe('Checking [REDACTED] for you, key and all.');
    expect(JSON.parse((completion.choices[0]!.message.tool_calls![0] as any).function.arguments)).toEqual({ city: '[REDACTED]', account: '[REDACTED]' });
  });
});
