import { createdSeconds } from '../clock.ts';
import type { AppDeps } from '../deps.ts';
import type { BatchLineError, BatchResultLine } from './batch-object.ts';
import type { BatchRecord } from './batch-store.ts';
import { completeBatchLine } from './complete-batch-line.ts';
import { readBatchLines, type BatchLine } from './read-batch-lines.ts';

const isAbort = (err: unknown) => (err as Error | undefined)?.name === 'AbortError';

/**
 * Runs a batch on the app clock: `validating` for `validateMs`, then (if every input line is valid)
 * `in_progress`, one request per `lineMs` through the chat core, then `finalizing` for `finalizeMs`
 * and `completed` with its output and error files. A cancel (the record's abort) stops it at the
 * next step: `cancelling` → `cancelled`, with the files of what was done. Passing `expires_at` ends
 * it as `expired`, the requests not run going to the error file. Bad input ends it as `failed`.
 */
export async function runBatch(record: BatchRecord, input: string, deps: AppDeps, apiKey: string): Promise<void> {
  const { batch, abort } = record;
  const signal = abort.signal;
  const now = () => Math.floor(deps.clock.now() / 1000);
  const done: BatchResultLine[] = [];
  const failed: BatchResultLine[] = [];
  let lines: BatchLine[] = [];
  let next = 0;
  try {
    await deps.clock.sleep(deps.config.batchTiming.validateMs, signal);
    const read = await readBatchLines(input, deps, deps.config.apiDate);
    if (read.errors.length > 0) return fail(record, read.errors, now());
    lines = read.lines;
    Object.assign(batch, { status: 'in_progress', in_progress_at: now() });
    batch.request_counts.total = lines.length;
    for (; next < lines.length; next++) {
      await deps.clock.sleep(deps.config.batchTiming.lineMs, signal);
      if (now() >= batch.expires_at) break;
      const line = lines[next]!;
      const outcome = await completeBatchLine(line, deps, apiKey, signal);
      const result: BatchResultLine = {
        id: `batch_req_${outcome.requestId.replaceAll('-', '')}`,
        custom_id: line.custom_id,
        response: { status_code: outcome.statusCode, request_id: outcome.requestId, body: outcome.body },
        error: null,
      };
      (outcome.statusCode === 200 ? done : failed).push(result);
      batch.request_counts[outcome.statusCode === 200 ? 'completed' : 'failed']++;
    }
    if (next < lines.length) {
      unrun(record, lines.slice(next), failed, 'batch_expired', 'This request could not be executed before the completion window expired.');
      await writeFiles(record, done, failed, deps);
      Object.assign(batch, { status: 'expired', expired_at: now() });
      return;
    }
    Object.assign(batch, { status: 'finalizing', finalizing_at: now() });
    await deps.clock.sleep(deps.config.batchTiming.finalizeMs, signal);
    await writeFiles(record, done, failed, deps);
    Object.assign(batch, { status: 'completed', completed_at: now() });
  } catch (err) {
    if (!isAbort(err) || batch.status !== 'cancelling') throw err;
    unrun(record, lines.slice(next), failed, 'batch_cancelled', 'This request was not executed because the batch was cancelled.');
    await writeFiles(record, done, failed, deps);
    Object.assign(batch, { status: 'cancelled', cancelled_at: now() });
  }
}

function fail(record: BatchRecord, errors: BatchLineError[], at: number): void {
  Object.assign(record.batch, { status: 'failed', failed_at: at, errors: { object: 'list', data: errors } });
}

/** Puts the requests that never ran in the error file; they count as failed. */
function unrun(record: BatchRecord, lines: BatchLine[], into: BatchResultLine[], code: string, message: string): void {
  record.batch.request_counts.failed += lines.length;
  for (const line of lines) into.push({ id: `batch_req_${code}_${into.length}`, custom_id: line.custom_id, response: null, error: { code, message } });
}

/** Stores the output and error files (each only when it has lines) and links them to the batch. */
async function writeFiles(record: BatchRecord, done: BatchResultLine[], failed: BatchResultLine[], deps: AppDeps): Promise<void> {
  const save = async (rows: BatchResultLine[], kind: string) => {
    if (rows.length === 0) return null;
    const content = new TextEncoder().encode(rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
    const meta = await deps.files.add({
      organization: record.organization, filename: `${record.batch.id}_${kind}.jsonl`, purpose: 'batch_output',
      content, mime: 'application/jsonl', createdAt: createdSeconds(deps.clock, deps.config.fixedTime), exempt: true,
    });
    return meta.id;
  };
  record.batch.output_file_id = await save(done, 'output');
  record.batch.error_file_id = await save(failed, 'error');
}
