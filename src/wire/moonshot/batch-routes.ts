import { Hono } from 'hono';
import { payerOf } from '../../billing/bill-calls.ts';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { invalidRequest, MoonshotError } from '../../errors/moonshot-error.ts';
import { uploadErrors } from '../../files/upload-errors.ts';
import { authenticate } from '../flow/authenticate.ts';
import { readJson } from '../flow/read-json.ts';
import { sendJson } from '../../transport/send-json.ts';
import { CANCELLABLE, type BatchObject } from '../../batches/batch-object.ts';
import { parseCreateBatch } from '../../batches/batch-request.ts';
import type { BatchRecord } from '../../batches/batch-store.ts';
import { runBatch } from '../../batches/run-batch.ts';

const notFound = (id: string) => new MoonshotError({ kind: 'resource_not_found', message: `Not found the batch ${id} or Permission denied` });

/**
 * The Batch API (OpenAI-compatible): `POST /batches`, `GET /batches` (`after`, `limit` ≤ 100,
 * default 20, `has_more`), `GET /batches/{id}`, `POST /batches/{id}/cancel`. A created batch runs in
 * the background on the app clock (see runBatch); each user sees only its own batches.
 */
export function batchRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const owner = (apiKey: string) => payerOf(deps, apiKey).organization;
  routes.post('/batches', authenticate(deps), async (c) => {
    const { request, windowSeconds } = parseCreateBatch(await readJson(c, deps.config.maxBodyBytes));
    const organization = owner(c.get('apiKey'));
    const input = deps.files.get(organization, request.input_file_id);
    if (!input) throw uploadErrors.notFound(request.input_file_id);
    if (input.meta.purpose !== 'batch') {
      throw invalidRequest(`input_file_id ${request.input_file_id} was uploaded with purpose ${input.meta.purpose}; batches take files uploaded with purpose batch`);
    }
    const now = Math.floor(deps.clock.now() / 1000);
    const batch: BatchObject = {
      id: deps.batches.newId(), object: 'batch', endpoint: request.endpoint, errors: null, input_file_id: request.input_file_id,
      completion_window: request.completion_window, status: 'validating', output_file_id: null, error_file_id: null,
      created_at: now, in_progress_at: null, expires_at: now + windowSeconds, finalizing_at: null, completed_at: null,
      failed_at: null, expired_at: null, cancelling_at: null, cancelled_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 }, metadata: request.metadata ?? null,
    };
    const record: BatchRecord = { batch, organization, abort: new AbortController(), done: Promise.resolve() };
    record.done = runBatch(record, new TextDecoder().decode(input.content), deps, c.get('apiKey')).catch((err: unknown) => {
      if ((err as Error).name === 'AbortError') return; // reset() stopped it
      deps.log(`moonshot-mock: batch ${batch.id} failed: ${(err as Error).message}`);
      Object.assign(batch, { status: 'failed', failed_at: Math.floor(deps.clock.now() / 1000) });
    });
    deps.batches.add(record);
    return sendJson(c, batch);
  });
  routes.get('/batches', authenticate(deps), (c) => {
    const limit = Number(c.req.query('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidRequest('limit must be an integer between 1 and 100');
    let all = deps.batches.list(owner(c.get('apiKey'))).map((record) => record.batch);
    const after = c.req.query('after');
    if (after !== undefined) all = all.slice(all.findIndex((batch) => batch.id === after) + 1);
    const data = all.slice(0, limit);
    return sendJson(c, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: all.length > limit });
  });
  routes.get('/batches/:id', authenticate(deps), (c) => {
    const record = deps.batches.get(owner(c.get('apiKey')), c.req.param('id'));
    if (!record) throw notFound(c.req.param('id'));
    return sendJson(c, record.batch);
  });
  routes.post('/batches/:id/cancel', authenticate(deps), (c) => {
    const record = deps.batches.get(owner(c.get('apiKey')), c.req.param('id'));
    if (!record) throw notFound(c.req.param('id'));
    if (!CANCELLABLE.has(record.batch.status)) throw invalidRequest(`cannot cancel a batch with status ${record.batch.status}`);
    Object.assign(record.batch, { status: 'cancelling', cancelling_at: Math.floor(deps.clock.now() / 1000) });
    record.abort.abort();
    return sendJson(c, record.batch);
  });
  return routes;
}
