import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { line, runUntil, setup, start } from '../support/batch-helpers.ts';
import { driveUntil } from '../support/drive-clock.ts';

const rowsOf = async (client: OpenAI, fileId: string) =>
  (await (await client.files.content(fileId)).text()).trim().split('\n').map((row) => JSON.parse(row));

describe('Batch API through the openai SDK', { timeout: 60_000 }, () => {
  it('completes a batch of 100 lines whose output file parses', async () => {
    const { clock, client } = setup();
    const created = await start(client, Array.from({ length: 100 }, (_, i) => line(i)));
    expect(created.status).toBe('validating');
    const batch = await runUntil(clock, client, created.id, 'completed');
    expect(batch.request_counts).toEqual({ total: 100, completed: 100, failed: 0 });
    const rows = await rowsOf(client, batch.output_file_id!);
    expect(rows).toHaveLength(100);
    expect(rows[7]).toMatchObject({ custom_id: 'req-7', response: { status_code: 200, body: { object: 'chat.completion', model: 'kimi-k2.6' } }, error: null });
    expect(batch.error_file_id).toBeNull();
  }, 120_000);

  it('moves validating → in_progress → finalizing → completed with the clock', async () => {
    const { clock, client } = setup({ batchTiming: { validateMs: 1000, lineMs: 500, finalizeMs: 2000 } });
    const created = await start(client, [line(1), line(2)]);
    const seen = [created.status];
    const started = clock.now();
    for (const status of ['in_progress', 'finalizing', 'completed']) {
      const batch = await runUntil(clock, client, created.id, status);
      seen.push(batch.status);
    }
    const batch = await client.batches.retrieve(created.id);
    expect(seen).toEqual(['validating', 'in_progress', 'finalizing', 'completed']);
    expect(batch.in_progress_at! - batch.created_at).toBe(1);
    expect(batch.completed_at! - batch.finalizing_at!).toBe(2);
    expect(clock.now() - started).toBe(1000 + 2 * 500 + 2000);
  });

  it('lists the batches newest first and pages with after', async () => {
    const { client } = setup();
    const first = await start(client, [line(1)]);
    const second = await start(client, [line(2)]);
    const page = await client.batches.list({ limit: 1 });
    expect(page.data.map((b) => b.id)).toEqual([second.id]);
    expect(page.has_more).toBe(true);
    const ids: string[] = [];
    for await (const batch of client.batches.list({ limit: 1 })) ids.push(batch.id);
    expect(ids).toEqual([second.id, first.id]);
  });

  it('cancels an in-progress batch, keeping what was done', async () => {
    const { clock, client } = setup();
    const created = await start(client, Array.from({ length: 10 }, (_, i) => line(i)));
    await driveUntil(clock, 100, () => client.batches.retrieve(created.id), (b) => b.request_counts!.completed >= 3);
    const cancelling = await client.batches.cancel(created.id);
    expect(cancelling.status).toBe('cancelling');
    const batch = await runUntil(clock, client, created.id, 'cancelled');
    expect(batch.cancelled_at).not.toBeNull();
    const unrun = await rowsOf(client, batch.error_file_id!);
    expect(unrun[0]).toMatchObject({ response: null, error: { code: 'batch_cancelled' } });
    expect((await rowsOf(client, batch.output_file_id!)).length + unrun.length).toBe(10);
  });

  it('refuses to cancel a completed batch', async () => {
    const { clock, client } = setup();
    const created = await start(client, [line(1)]);
    await runUntil(clock, client, created.id, 'completed');
    const error = await client.batches.cancel(created.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toEqual({
      type: 'invalid_request_error', message: 'Invalid request: cannot cancel a batch with status completed',
    });
  });

  it('runs each line through the fixtures and faults of the chat core', async () => {
    const fixtures = [
      { name: 'scripted', match: { user: 'Question number 0' }, reply: { content: 'Scripted answer.' } },
      { name: 'overloaded', match: { user: 'Question number 1' }, fault: { kind: 'http', status: 429 }, reply: { content: 'never' } },
    ];
    const { clock, client } = setup({ fixtures, unmatched: 'generate' });
    const created = await start(client, [line(0), line(1), line(2)]);
    const batch = await runUntil(clock, client, created.id, 'completed');
    expect(batch.request_counts).toEqual({ total: 3, completed: 2, failed: 1 });
    const output = await rowsOf(client, batch.output_file_id!);
    expect(output[0].response.body.choices[0].message.content).toBe('Scripted answer.');
    const [failed] = await rowsOf(client, batch.error_file_id!);
    expect(failed).toMatchObject({ custom_id: 'req-1', response: { status_code: 429, body: { error: { type: 'engine_overloaded_error' } } }, error: null });
  });

  it('forgets every batch on POST /_mock/reset', async () => {
    const { client, app } = setup();
    await start(client, [line(1)]);
    await app.request('/_mock/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect((await client.batches.list()).data).toEqual([]);
  });
});
