import OpenAI, { toFile } from 'openai';
import { createManualClock, type ManualClock } from '../../src/index.ts';
import { driveUntil } from './drive-clock.ts';
import { mockApp } from './mock-app.ts';
import { sdkClient } from './sdk-client.ts';

/** One batch input line asking kimi-k2.6 (by default) a numbered question. */
export const line = (i: number, model = 'kimi-k2.6', content = `Question number ${i}`) =>
  JSON.stringify({ custom_id: `req-${i}`, method: 'POST', url: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content }] } });

/** An in-process app and client on a manual clock. */
export function setup(options: Parameters<typeof mockApp>[0] = {}) {
  const clock = createManualClock(Date.UTC(2026, 11, 1, 12));
  const app = mockApp({ clock, ...options });
  return { clock, client: sdkClient(app, { maxRetries: 0 }), app };
}

/** Uploads the lines as a batch file and creates a batch on it. */
export async function start(client: OpenAI, lines: string[], window = '24h') {
  const file = await client.files.create({ file: await toFile(Buffer.from(lines.join('\n') + '\n'), 'jobs.jsonl'), purpose: 'batch' });
  return client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: window as '24h' });
}

/** Drives the batch on the manual clock (100 ms steps) until its status is one of `statuses`. */
export function runUntil(clock: ManualClock, client: OpenAI, id: string, ...statuses: string[]) {
  return runUntilStep(clock, client, id, 100, ...statuses);
}

/** {@link runUntil} with clock steps of `stepMs`. */
export function runUntilStep(clock: ManualClock, client: OpenAI, id: string, stepMs: number, ...statuses: string[]) {
  return driveUntil(clock, stepMs, () => client.batches.retrieve(id), (batch) => statuses.includes(batch.status));
}

