// The journal under load, in-process (no sockets, so it measures the journal, not the network).
import { createApp } from '../../src/app.ts';

const AUTH = { 'content-type': 'application/json', authorization: 'Bearer bench' };
const MB = 1024 * 1024;

/** RSS and heap in MB, after a full GC when node runs with --expose-gc. */
function memory(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MB, heap: heapUsed / MB };
}

/**
 * Sends `total` chat completions in batches of 50 concurrent requests, each body different (its
 * `max_tokens` and a number in the system message), every 1,000th with a 100 kB message (kept in the
 * journal as its first 64 kB), and reports memory after the first 10% and at the end. Most prompts
 * repeat, so token counting (cached) does not drown the journal's cost.
 */
export async function benchJournal(total = 100_000) {
  // A model given by option, so the bench runs whichever dated catalog is in force.
  const app = createApp({ log: () => {}, models: [{ id: 'kimi-k3', context_length: 1_048_576 }] });
  const body = (i: number) => JSON.stringify({
    model: 'kimi-k3',
    max_tokens: 8 + (i % 7),
    messages: [{ role: 'system', content: `Run ${i % 13}.` }, { role: 'user', content: i % 1000 === 0 ? 'x'.repeat(100_000) : 'Say hi to the journal.' }],
  });
  const send = async (i: number) => (await app.request('/v1/chat/completions', { method: 'POST', headers: AUTH, body: body(i) })).arrayBuffer();
  const started = performance.now();
  let early = memory();
  for (let i = 0; i < total; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, total - i) }, (_, k) => send(i + k)));
    if (i + 50 === total / 10) early = memory();
  }
  const ms = performance.now() - started;
  const late = memory();
  const journal = (await (await app.request('/_mock/requests?limit=1')).json()) as { dropped: number };
  return { ms, early, late, held: total - journal.dropped };
}

if (process.argv[1]?.endsWith('journal-bench.ts')) {
  const total = Number(process.argv[2] ?? 100_000);
  const result = await benchJournal(total);
  console.log(JSON.stringify(result));
}
