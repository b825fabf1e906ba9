import OpenAI, { toFile } from 'openai';
import { describe, expect, it } from 'vitest';
import prices from '../../src/catalog/prices.json' with { type: 'json' };
import { AUTH } from '../support/mock-app.ts';
import { line, runUntil, runUntilStep, setup, start } from '../support/batch-helpers.ts';

const badRequest = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  return (error as InstanceType<typeof OpenAI.BadRequestError>).error as { message: string };
};

describe('Batch API validation', { timeout: 60_000 }, () => {
  it('fails a batch whose line breaks a chat rule, with the chat message', async () => {
    const { clock, client } = setup();
    const bad = JSON.stringify({ custom_id: 'bad', method: 'POST', url: '/v1/chat/completions', body: { model: 'kimi-k2.6', messages: [] } });
    const created = await start(client, [line(1), bad]);
    const batch = await runUntil(clock, client, created.id, 'failed');
    expect(batch.errors!.data!).toEqual([{ code: 'invalid_request', line: 2, message: 'Invalid request: messages must not be empty', param: 'body' }]);
  });

  it('fails a batch that mixes models', async () => {
    const { clock, client } = setup();
    const created = await start(client, [line(1), line(2, 'kimi-k2.7-code')]);
    const batch = await runUntil(clock, client, created.id, 'failed');
    expect(batch.errors!.data![0]!.message).toBe('Invalid request: a batch must use one model; this line uses kimi-k2.7-code, earlier lines kimi-k2.6');
  });

  it('fails a batch for a model the Batch API does not take', async () => {
    const { clock, client } = setup();
    const created = await start(client, [line(1, 'kimi-k3')]);
    const batch = await runUntil(clock, client, created.id, 'failed');
    expect(batch.errors!.data![0]!.message).toBe('Invalid request: model kimi-k3 is not supported by the Batch API');
  });

  it('fails a batch with a repeated custom_id', async () => {
    const { clock, client } = setup();
    const created = await start(client, [line(1), line(1)]);
    const batch = await runUntil(clock, client, created.id, 'failed');
    expect(batch.errors!.data![0]).toMatchObject({ line: 2, message: 'Invalid request: custom_id req-1 is used by an earlier line' });
  });

  it('refuses a completion window outside 12h–7d', async () => {
    const { client } = setup();
    const error = await badRequest(start(client, [line(1)], '8d'));
    expect(error.message).toBe('Invalid request: completion_window 8d is invalid: use hours or days between 12h and 7d, e.g. "24h" or "1d"');
  });

  it('refuses an input file that is not a batch file', async () => {
    const { client } = setup();
    const file = await client.files.create({ file: await toFile(Buffer.from('x'), 'a.txt'), purpose: 'file-extract' as never });
    const error = await badRequest(client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }));
    expect(error.message).toBe(`Invalid request: input_file_id ${file.id} was uploaded with purpose file-extract; batches take files uploaded with purpose batch`);
  });

  it('expires a batch that outlasts its window, listing the unrun requests', async () => {
    const { clock, client } = setup({ batchTiming: { validateMs: 0, lineMs: 6 * 3600_000, finalizeMs: 0 } });
    const created = await start(client, [line(1), line(2), line(3)], '12h');
    const batch = await runUntilStep(clock, client, created.id, 3600_000, 'expired');
    expect(batch.request_counts).toEqual({ total: 3, completed: 1, failed: 2 });
    const errors = (await (await client.files.content(batch.error_file_id!)).text()).trim().split('\n').map((r) => JSON.parse(r));
    expect(errors.map((e) => e.error?.code)).toEqual(['batch_expired', 'batch_expired']);
  });

  it('charges each request at the batch price', async () => {
    const { clock, client } = setup({ balance: 10 });
    const created = await start(client, [line(1)]);
    const batch = await runUntil(clock, client, created.id, 'completed');
    const [row] = (await (await client.files.content(batch.output_file_id!)).text()).trim().split('\n').map((r) => JSON.parse(r));
    const usage = row.response.body.usage;
    const rates = (prices.tables.find((t) => 'kimi-k2.6' in t.models)!.models as any)['kimi-k2.6'].batch;
    const expected = Math.round((usage.prompt_tokens * rates.input + usage.completion_tokens * rates.output) * 1000);
    const balance = (await client.get('/users/me/balance', { headers: AUTH })) as any;
    expect(1e10 - Math.round(balance.data.available_balance * 1e9)).toBe(expected);
  });
});
