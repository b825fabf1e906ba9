import { priceTable } from '../catalog/price-table.ts';
import type { AppDeps } from '../deps.ts';
import { describeError } from '../errors/error-kind.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { chatRequestSchema, type ChatRequest } from '../chat/chat-request.ts';
import { parseBody } from '../wire/flow/parse-body.ts';
import { planChat } from '../chat/plan-chat.ts';
import type { BatchLineError } from './batch-object.ts';

/** A validated input line. */
export interface BatchLine {
  custom_id: string;
  request: ChatRequest;
}

/**
 * Reads a batch input file: each non-blank line must be `{"custom_id","method":"POST","url":
 * "/v1/chat/completions","body":{…}}` with a unique `custom_id`, and each body must pass the same
 * validation as `POST /v1/chat/completions` (same messages). All lines must name one model, and a
 * model the Batch API takes (those with a batch price in the catalog's price table). Returns the
 * lines, or every problem found (line numbers from 1).
 */
export async function readBatchLines(
  text: string,
  deps: Pick<AppDeps, 'catalog' | 'counter'>,
  date?: string,
): Promise<{ lines: BatchLine[]; errors: BatchLineError[] }> {
  const lines: BatchLine[] = [];
  const errors: BatchLineError[] = [];
  const seen = new Set<string>();
  let model: string | undefined;
  const rows = text.split('\n');
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!.trim();
    if (row === '') continue;
    const fail = (message: string, param: string | null = null) => errors.push({ code: 'invalid_request', line: index + 1, message, param });
    let entry: { custom_id?: unknown; method?: unknown; url?: unknown; body?: unknown };
    try {
      entry = JSON.parse(row) as typeof entry;
    } catch {
      fail('Invalid request: the line is not valid JSON');
      continue;
    }
    if (typeof entry !== 'object' || entry === null) {
      fail('Invalid request: the line must be a JSON object');
      continue;
    }
    if (typeof entry.custom_id !== 'string' || entry.custom_id === '') { fail('Invalid request: custom_id is required', 'custom_id'); continue; }
    if (seen.has(entry.custom_id)) { fail(`Invalid request: custom_id ${entry.custom_id} is used by an earlier line`, 'custom_id'); continue; }
    seen.add(entry.custom_id);
    if (entry.method !== 'POST') { fail('Invalid request: method must be POST', 'method'); continue; }
    if (entry.url !== '/v1/chat/completions') { fail('Invalid request: url must be /v1/chat/completions', 'url'); continue; }
    try {
      const request = parseBody(chatRequestSchema, entry.body);
      await planChat(request, deps);
      if (model !== undefined && request.model !== model) {
        fail(`Invalid request: a batch must use one model; this line uses ${request.model}, earlier lines ${model}`, 'body.model');
        continue;
      }
      model = request.model;
      if (!priceTable.takesBatches(request.model, date)) {
        fail(`Invalid request: model ${request.model} is not supported by the Batch API`, 'body.model');
        continue;
      }
      lines.push({ custom_id: entry.custom_id, request });
    } catch (err) {
      if (!(err instanceof MoonshotError)) throw err;
      fail(describeError(err.error).message, 'body');
    }
  }
  if (lines.length === 0 && errors.length === 0) errors.push({ code: 'empty_file', line: null, message: 'Invalid request: the input file has no requests', param: null });
  return { lines, errors };
}
