/**
 * Performance figures of the token counter. Run: `node --import tsx test/tokens/measure.ts`.
 * Prints rank-table load time, RSS, counting speed against js-tiktoken, the 100k-letter run, and the latency
 * of a small job while big jobs are in flight.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CountJob } from '../../src/tokens/count-job.ts';
import { loadRankTable } from '../../src/tokens/load-rank-table.ts';
import { PieceCounter } from '../../src/tokens/piece-counter.ts';
import { createTokenCounter, type TokenCounter } from '../../src/tokens/token-counter.ts';
import { base64Blob, mixedNoise } from './sample-texts.ts';

const require = createRequire(import.meta.url);
const lib = (name: string): string => readFileSync(require.resolve(`typescript/lib/${name}`), 'utf8');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function time<T>(run: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await run();
  return [performance.now() - start, value];
}

/** ~720 KB / ~190k tokens: TypeScript declarations (code + English JSDoc), Chinese JSON, English prose. */
const corpus =
  lib('lib.es5.d.ts').slice(0, 220_000) +
  lib('lib.dom.d.ts').slice(0, 300_000) +
  lib('zh-cn/diagnosticMessages.generated.json').slice(0, 200_000) +
  readFileSync(require.resolve('typescript/README.md'), 'utf8');

console.log(`node ${process.version}`);
const rssBefore = process.memoryUsage().rss;
console.log(`RSS before the counter: ${mb(rssBefore)}`);

// 1. Rank table load, off the main thread.
const loopBefore = performance.eventLoopUtilization();
const created = performance.now();
const counter = createTokenCounter();
const createMs = performance.now() - created;
await counter.ready;
const readyMs = performance.now() - created;
const loop = performance.eventLoopUtilization(loopBefore);
console.log(`createTokenCounter() returned in ${ms(createMs)}; worker ready after ${ms(readyMs)} (thread start + tsx + import + parse)`);
console.log(`main thread busy for ${ms(loop.active)} in total while the worker loaded (event-loop utilization ${loop.utilization.toFixed(3)})`);
const rssReady = process.memoryUsage().rss;
console.log(`RSS after load: ${mb(rssReady)} (+${mb(rssReady - rssBefore)})`);

// 3. Pathological single pieces.
const [runMs, [runCount]] = await time(() => counter.countTexts(['a'.repeat(100_000)]));
console.log(`\n"a" x 100000: ${runCount} tokens in ${ms(runMs)} (round trip)`);
const [run1mMs, [run1mCount]] = await time(() => counter.countTexts(['b'.repeat(1_000_000)]));
console.log(`"b" x 1000000: ${run1mCount} tokens in ${ms(run1mMs)}`);
const blob = base64Blob(1, 750_000);
const [blobMs, [blobCount]] = await time(() => counter.countTexts([blob]));
console.log(`base64 of 750 KB (${blob.length} chars): ${blobCount} tokens in ${ms(blobMs)}`);
const cjk = '中文'.repeat(150_000);
const [cjkMs, [cjkCount]] = await time(() => counter.countTexts([cjk]));
console.log(`"中文" x 150000 (one 900 KB piece): ${cjkCount} tokens in ${ms(cjkMs)}; RSS now ${mb(process.memoryUsage().rss)}`);

// 4. Small-job latency while a big job is in flight.
async function smallLatency(target: TokenCounter, big: string[] | null, label: string, rounds: number): Promise<void> {
  const latencies: number[] = [];
  let bigTotal = 0;
  for (let i = 0; i < rounds; i++) {
    const bigStart = performance.now();
    const bigJob = big === null ? null : target.countTexts(big.map((text) => `${text}${i}`));
    await new Promise((resolve) => setTimeout(resolve, 5 + (i % 5) * 7));
    const start = performance.now();
    await target.countTexts([`What is the capital of France? (question ${i} of ${label})`]);
    latencies.push(performance.now() - start);
    await bigJob;
    bigTotal += performance.now() - bigStart;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `small job ${label}: median ${ms(median(latencies))}, max ${ms(sorted[sorted.length - 1] as number)}` +
      (big === null ? '' : `; big job took ${ms(bigTotal / rounds)} on average`),
  );
}
console.log('');
await smallLatency(counter, null, 'alone', 20);
await smallLatency(counter, [mixedNoise(3, 500_000) + corpus.slice(0, 500_000)], 'during 1 MB of varied text', 20);
await smallLatency(counter, ['z'.repeat(100_000)], 'during a 100k-letter run', 20);
await smallLatency(counter, ['y'.repeat(1_000_000)], 'during a 1M-letter run', 10);
await smallLatency(counter, [base64Blob(9, 750_000)], 'during 1 MB of base64', 10);

const peak = process.resourceUsage().maxRSS * 1024;
console.log(`\nRSS after the big jobs: ${mb(process.memoryUsage().rss)}; peak RSS so far (main + worker only): ${mb(peak)}`);

// 2. ~200k tokens of varied text: counter vs js-tiktoken (js-tiktoken and an in-process table are loaded only now,
// so they do not inflate the RSS figures above).
const [parseMs, table] = await time(() => loadRankTable('o200k_base'));
console.log(`loadRankTable('o200k_base') in-process (import + parse, as the worker does): ${ms(parseMs)}`);

const { Tiktoken } = await import('js-tiktoken/lite');
const { default: o200k } = await import('js-tiktoken/ranks/o200k_base');
const [ctorMs, reference] = await time(() => new Tiktoken(o200k));
const encodeTimes: number[] = [];
let referenceCount = 0;
for (let i = 0; i < 3; i++) {
  const [elapsed, tokens] = await time(() => reference.encode(corpus, [], []));
  encodeTimes.push(elapsed);
  referenceCount = tokens.length;
}
const encodeMs = median(encodeTimes);
console.log(`\ncorpus: ${corpus.length} chars, ${referenceCount} tokens`);
console.log(`js-tiktoken: new Tiktoken() ${ms(ctorMs)}, encode median of 3: ${ms(encodeMs)}`);

const [coldMs, [coldCount]] = await time(() => counter.countTexts([corpus]));
const warmTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  // A distinct text each time, so the main-thread text cache misses and the worker really counts it.
  const [elapsed] = await time(() => counter.countTexts([`${corpus} ${i}`]));
  warmTimes.push(elapsed);
}
const warmMs = median(warmTimes);
console.log(`counter (cold piece cache): ${ms(coldMs)} → ${coldCount} tokens (${coldCount === referenceCount ? 'equal' : 'DIFFERENT'}), ratio ${(coldMs / encodeMs).toFixed(3)}`);
console.log(`counter (warm piece cache, median of 3): ${ms(warmMs)}, ratio ${(warmMs / encodeMs).toFixed(3)}`);
const [cachedMs] = await time(() => counter.countTexts([corpus]));
console.log(`same text again (main-thread cache hit, SHA-256 of the text): ${ms(cachedMs)}`);
const inProcess = new PieceCounter(table, 8 * 1024 * 1024);
const [pureColdMs] = await time(() => new CountJob(inProcess, [corpus]).advance(Number.POSITIVE_INFINITY));
const [pureWarmMs] = await time(() => new CountJob(inProcess, [corpus]).advance(Number.POSITIVE_INFINITY));
console.log(`in-process CountJob without worker: cold ${ms(pureColdMs)}, warm ${ms(pureWarmMs)}`);

await counter.close();
