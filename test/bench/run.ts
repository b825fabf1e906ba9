// npm run bench: the emulator against a bare Hono handler, side by side in one run. Prints a table.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { createFixtureSet } from '../../src/fixtures/fixture-set.ts';
import { parseInlineFixtures } from '../../src/fixtures/load-fixtures.ts';
import { pickFixture } from '../../src/fixtures/pick-fixture.ts';
import { viewRequest } from '../../src/match/request-view.ts';
import { chatRequestSchema } from '../../src/chat/chat-request.ts';
import { benchJournal } from './journal-bench.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const AUTH = { 'content-type': 'application/json', authorization: 'Bearer bench' };
const rows: Array<[string, string, string, string]> = [];
const report = (what: string, mock: string, reference: string, goal: string) => {
  rows.push([what, mock, reference, goal]);
  console.error(`  ${what}: ${mock} (reference ${reference}; goal ${goal})`);
};

/** Servers still running: stopped when the run ends, however it ends. */
const spawned = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of spawned) stop(child);
});

/** Spawns a server and resolves with its base URL once it prints it, and the ms it took. */
function spawnServer(command: string, args: string[], env = process.env): Promise<{ child: ChildProcess; baseURL: string; readyMs: number; cpuMs: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  spawned.add(child);
  child.on('exit', () => spawned.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+\/v1)/.exec(out);
      if (match) resolve({ child, baseURL: match[1]!, readyMs: performance.now() - started, cpuMs: mainThreadCpuMs(child.pid!) });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/**
 * CPU time (user + system) of a process's main thread so far, in ms (10 ms resolution): unlike wall time,
 * it barely moves when other processes load the machine.
 */
function mainThreadCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function stop(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)![1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used, in ms (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Server {
  child: ChildProcess;
  baseURL: string;
}

/**
 * One load run of `seconds` with the same client settings for every server: req/s, p99 latency, and
 * the server's CPU time per request (steadier than req/s on a machine shared with other work).
 */
async function load(server: Server, body: string, seconds: number) {
  const cpuBefore = cpuMs(server.child.pid!);
  const result = await autocannon({
    url: `${server.baseURL}/chat/completions`, method: 'POST', headers: AUTH, body, connections: 50, duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`load run had ${result.non2xx} non-2xx and ${result.errors} errors (statuses: ${JSON.stringify(result.statusCodeStats)})`);
  const cpuUs = ((cpuMs(server.child.pid!) - cpuBefore) * 1000) / result.requests.total;
  return { rps: result.requests.average, p99: result.latency.p99, cpuUs };
}

/**
 * Small completions against the emulator and the floor (a bare Hono handler), side by side: both
 * servers up and warmed, then `rounds` alternating rounds (ABBA order, so neither always goes first
 * on a machine whose load drifts), one client; medians of each server's rounds.
 */
async function compareSmall(mockServer: Server, bareServer: Server, rounds: number, seconds: number) {
  await load(bareServer, small, 3);
  await load(mockServer, small, 3);
  const runs = { mock: [] as Array<Awaited<ReturnType<typeof load>>>, bare: [] as Array<Awaited<ReturnType<typeof load>>> };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['bare', 'mock'] as const) : (['mock', 'bare'] as const);
    for (const which of order) runs[which].push(await load(which === 'bare' ? bareServer : mockServer, small, seconds));
    const line = (which: 'mock' | 'bare') => {
      const run = runs[which].at(-1)!;
      return `${which} ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms, ${run.cpuUs.toFixed(0)} µs CPU/request`;
    };
    console.error(`  round ${round + 1}: ${line('bare')}; ${line('mock')}`);
  }
  const summary = (list: Array<Awaited<ReturnType<typeof load>>>) => ({
    rps: median(list.map((r) => r.rps)), p99: median(list.map((r) => r.p99)), cpuUs: median(list.map((r) => r.cpuUs)),
  });
  return { mock: summary(runs.mock), bare: summary(runs.bare) };
}

const agent = new http.Agent({ keepAlive: true });

/** POSTs a chat request with node:http (body serialised before the clock starts) and times the round trip. */
async function post(baseURL: string, body: unknown): Promise<{ ms: number; status: number; json: any }> {
  const payload = Buffer.from(JSON.stringify(body));
  const url = new URL(`${baseURL}/chat/completions`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...AUTH, 'content-length': payload.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - started;
        resolve({ ms, status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** ~200k o200k tokens of varied text: prose, code and some Chinese, every paragraph different. */
function bigPrompt(): string {
  const words = 'the model reads each request and checks the window before it answers with plain words about code data and time'.split(' ');
  const parts: string[] = [];
  for (let i = 0; parts.join('').length < 900_000; i++) {
    const sentence = Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');
    parts.push(`${sentence} #${i}.\n`, i % 5 === 0 ? `function f${i}(x) { return x * ${i} + ${i % 7}; }\n` : '', i % 9 === 0 ? `第${i}段：模型读取请求并检查上下文窗口。\n` : '');
  }
  return parts.join('');
}

/** Streams one request with node:http and returns the ms until the body ends, and the `data:` payloads. */
function streamOnce(baseURL: string, body: string): Promise<{ ms: number; payloads: string[] }> {
  const url = new URL(`${baseURL}/chat/completions`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...AUTH, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const payloads = text.split('\n\n').filter((e) => e.startsWith('data: ')).map((e) => e.slice(6));
        resolve({ ms: performance.now() - started, payloads });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Matching among 1,000 fixtures of mixed conditions, in-process: view + match per request. */
function benchMatching(): { short: number; long: number } {
  const kinds = (i: number) => [
    { match: { user: `topic number ${i}.` } },
    { match: { model: 'kimi-k2.6', user: { contains: `Topic Number ${i}.`, ignoreCase: true } } },
    { match: { user: { regex: `^case (\\d+)-${i}$` } } },
    { match: { toolResult: { name: `tool_${i}`, contains: 'ok' } } },
    { match: { system: `persona ${i}`, lastRole: 'user' } },
    { match: { tools: [`tool_${i}`], turn: { min: 1 } } },
  ][i % 6]!;
  const set = createFixtureSet(parseInlineFixtures(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}`, ...kinds(i), reply: { content: 'x' } }))));
  const time = (text: string) => {
    const request = chatRequestSchema.parse({ model: 'kimi-k2.6', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: text }] });
    for (let i = 0; i < 200; i++) pickFixture(set, () => viewRequest(request, true, {}), new Map(), 'generate');
    const started = performance.now();
    for (let i = 0; i < 2000; i++) pickFixture(set, () => viewRequest(request, true, {}), new Map(), 'generate');
    return ((performance.now() - started) / 2000) * 1000;
  };
  return { short: time('topic number 996.'), long: time(`${'Please tell me about the weather and other things. '.repeat(200)}topic number 996.`) };
}

/**
 * Alternating rounds of the side-by-side small-completion comparison, and seconds per round.
 * BENCH_ROUNDS / BENCH_SECONDS shorten them while iterating (`BENCH_ROUNDS=3 npm run bench -- --small-only`).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const small = JSON.stringify({ model: 'kimi-k2.6', thinking: { type: 'disabled' }, messages: [{ role: 'user', content: 'Hi' }] });

/** 100,000 requests through the journal, in-process: time, and memory after 10,000 and after all. */
async function reportJournal(): Promise<void> {
  const { ms, early, late, held } = await benchJournal(100_000);
  report('100,000 requests through the journal (in-process), time', `${(ms / 1000).toFixed(1)} s`, '—', '—');
  report(
    '  … RSS / heap after 10,000 → after 100,000',
    `${early.rss.toFixed(0)} → ${late.rss.toFixed(0)} MB / ${early.heap.toFixed(0)} → ${late.heap.toFixed(0)} MB`,
    `${held} entries held (journalLimit)`,
    `heap growth ≤ 20 MB (${(late.heap - early.heap).toFixed(1)} MB)`,
  );
}

function printRows(): void {
  console.log('\n| measure | moonshot-mock | reference | goal |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** The built CLI (`npm run bench` builds first), with no compile cache, as on a fresh CI machine. */
const bin = 'dist/bin.js';
const coldEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  return env;
};

/** ms from spawning `node ...args` to its exit (0 expected). */
function timeExit(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore', env: coldEnv() });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}`)))));
}

/**
 * A 100 MB prompt of one letter to the model with the widest window, on a fresh server: the time to
 * its 400 and the server's peak RSS over its RSS before the request.
 */
async function benchHugePrompt(): Promise<{ ms: number; status: number; message: string; growthMb: number; model: string }> {
  const server = await spawnServer(process.execPath, [bin, '--port', '0']);
  try {
    await post(server.baseURL, JSON.parse(small)); // warm the encoder
    const listed = (await (await fetch(`${server.baseURL}/models`, { headers: AUTH })).json()) as { data: Array<{ id: string; context_length: number }> };
    const widest = listed.data.reduce((a, b) => (b.context_length > a.context_length ? b : a));
    const before = rssMb(server.child.pid!).rss;
    const huge = await post(server.baseURL, { model: widest.id, messages: [{ role: 'user', content: 'a'.repeat(100_000_000) }] });
    const growthMb = rssMb(server.child.pid!).peak - before;
    return { ms: huge.ms, status: huge.status, message: huge.json.error?.message ?? '', growthMb, model: widest.id };
  } finally {
    stop(server.child);
  }
}

/**
 * `idle` connections that send nothing, opened to a fresh server at the default cap (1,024), then one
 * small completion on a new connection: its time and status, and how many idle ones the server closed.
 */
async function benchIdleConnections(idle: number): Promise<{ ms: number; status: number; closed: number }> {
  const server = await spawnServer(process.execPath, [bin, '--port', '0']);
  const url = new URL(server.baseURL);
  const sockets: net.Socket[] = [];
  try {
    await post(server.baseURL, JSON.parse(small)); // warm the encoder
    for (let i = 0; i < idle; i++) {
      sockets.push(await new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(Number(url.port), url.hostname, () => resolve(socket));
        socket.on('error', () => {});
        socket.once('error', reject);
      }));
    }
    const fresh = new http.Agent({ keepAlive: false });
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.baseURL}/chat/completions`, { method: 'POST', agent: fresh, headers: AUTH }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.end(small);
    });
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 200));
    return { ms, status, closed: sockets.filter((socket) => socket.closed).length };
  } finally {
    for (const socket of sockets) socket.destroy();
    stop(server.child);
  }
}

async function main() {
  console.error('moonshot-mock benchmark (2 cores; each figure from one run unless it says median)');
  if (process.argv.includes('--journal-only')) {
    await reportJournal();
    return printRows();
  }
  // 1. Start-up: the bin with no compile cache, to "listening" and through --help (medians of 7), then `npm start`.
  const coldTimes: number[] = [];
  const helpTimes: number[] = [];
  const coldCpu: number[] = [];
  for (let i = 0; i < 7; i++) {
    const cold = await spawnServer(process.execPath, [bin, '--port', '0'], coldEnv());
    coldTimes.push(cold.readyMs);
    coldCpu.push(cold.cpuMs);
    stop(cold.child);
    helpTimes.push(await timeExit([bin, '--help']));
  }
  const nodeTimes: number[] = [];
  for (let i = 0; i < 7; i++) nodeTimes.push(await timeExit(['-e', '0']));
  const bareNode = median(nodeTimes);
  const nodeRef = `${bareNode.toFixed(0)} ms bare \`node -e 0\``;
  report('cold start to "listening" (`node dist/bin.js`), median of 7', `${median(coldTimes).toFixed(0)} ms`, nodeRef, '≤ 300 ms');
  report('the same, main-thread CPU time (load-independent)', `${median(coldCpu).toFixed(0)} ms`, '—', '≤ 300 ms');
  report('`--help`, median of 7', `${median(helpTimes).toFixed(0)} ms`, nodeRef, '≤ 200 ms');
  const npmStart = await spawnServer('npm', ['start', '--silent', '--', '--port', '0']);
  report('ready after `npm start` (npm itself included)', `${npmStart.readyMs.toFixed(0)} ms`, '—', '≤ 1000 ms');
  stop(npmStart.child);
  if (process.argv.includes('--startup-only')) return printRows();

  // A balance that outlasts the run: at the default $100 the key runs dry after some 250,000 small
  // completions and the emulator answers 429 (exceeded_current_quota_error), as the real API would.
  const mock = await spawnServer(process.execPath, [bin, '--port', '0', '--balance', '1000000000']);
  const bare = await spawnServer(process.execPath, ['test/bench/bare-server.mjs', 'raw']);
  const bareJson = await spawnServer(process.execPath, ['test/bench/bare-server.mjs', 'json']);
  await post(mock.baseURL, JSON.parse(small)); // load the encoder

  // 2. Small non-stream completions under load, side by side with the floor.
  const side = await compareSmall(mock, bare, ROUNDS, SECONDS);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  report(`small completion, req/s (50 conns, median of ${ROUNDS} alternating rounds)`, side.mock.rps.toFixed(0), `${side.bare.rps.toFixed(0)} bare Hono`, `≥ 0.85× (${ratio(side.mock.rps, side.bare.rps)})`);
  report(`small completion, p99 latency (median of ${ROUNDS})`, `${side.mock.p99} ms`, `${side.bare.p99} ms bare Hono`, `≤ 2× (${ratio(side.mock.p99, side.bare.p99)})`);
  report(`small completion, server CPU per request (median of ${ROUNDS})`, `${side.mock.cpuUs.toFixed(0)} µs`, `${side.bare.cpuUs.toFixed(0)} µs bare Hono`, `bare ÷ mock ≥ 0.85 (${ratio(side.bare.cpuUs, side.mock.cpuUs)})`);
  // For reference: the same bare handler reading the body with c.req.json(), the usual Hono way.
  // For reference: the floor's handler inside the emulator's own app (its middleware, no chat flow).
  const stack = await spawnServer(process.execPath, ['test/bench/stack-server.mjs']);
  const viaStack = await compareSmall(stack, bare, Math.min(3, ROUNDS), SECONDS);
  stop(stack.child);
  report(
    "  … the floor's handler inside the emulator's app (its middleware: namespace, ids, Host check, journal; no chat flow), req/s (median of 3)",
    viaStack.mock.rps.toFixed(0), `${viaStack.bare.rps.toFixed(0)} bare Hono`, `— (${ratio(viaStack.mock.rps, viaStack.bare.rps)}; ${viaStack.mock.cpuUs.toFixed(0)} vs ${viaStack.bare.cpuUs.toFixed(0)} µs CPU/request)`,
  );
  // Calibration: the floor with 3 µs of busy work per request, against the floor: how far a few
  // microseconds of work move the ratio on this machine (the load client shares its 2 cores).
  const busy = await spawnServer(process.execPath, ['test/bench/bare-server.mjs', 'raw', '3']);
  const viaBusy = await compareSmall(busy, bare, Math.min(5, ROUNDS), SECONDS);
  stop(busy.child);
  report(
    `  … calibration: the floor plus 3 µs of busy work per request, req/s (median of ${Math.min(5, ROUNDS)})`,
    viaBusy.mock.rps.toFixed(0), `${viaBusy.bare.rps.toFixed(0)} bare Hono`, `— (${ratio(viaBusy.mock.rps, viaBusy.bare.rps)}; ${viaBusy.mock.cpuUs.toFixed(0)} vs ${viaBusy.bare.cpuUs.toFixed(0)} µs CPU/request)`,
  );
  const viaJson = await compareSmall(mock, bareJson, Math.min(3, ROUNDS), SECONDS);
  report('small completion, req/s against bare Hono with c.req.json() (median of 3)', viaJson.mock.rps.toFixed(0), `${viaJson.bare.rps.toFixed(0)} bare Hono + c.req.json()`, `— (${ratio(viaJson.mock.rps, viaJson.bare.rps)})`);
  stop(bareJson.child);
  if (process.argv.includes('--small-only')) {
    stop(mock.child);
    stop(bare.child);
    return printRows();
  }

  // 3. The context check of a ~200k-token prompt against a raw js-tiktoken encode of the same text.
  const text = bigPrompt();
  const encoder = new Tiktoken(o200k);
  let started = performance.now();
  const rawTokens = encoder.encode(text, [], []).length;
  const rawMs = performance.now() - started;
  const messages = [{ role: 'user', content: text }];
  const first = await post(mock.baseURL, { model: 'kimi-k2.6', messages, max_tokens: 100 });
  report(`~200k-token prompt checked (${first.json.usage.prompt_tokens} tokens)`, `${first.ms.toFixed(0)} ms`, `${rawMs.toFixed(0)} ms js-tiktoken encode (${rawTokens} tokens)`, `≤ 0.5× (${(first.ms / rawMs).toFixed(2)}×)`);

  // 4. The next turn of that conversation.
  const next = [...messages, first.json.choices[0].message, { role: 'user', content: 'And what about the second part?' }];
  const turn = await post(mock.baseURL, { model: 'kimi-k2.6', messages: next, max_tokens: 100 });
  report('its next turn', `${turn.ms.toFixed(1)} ms`, '—', '≤ 20 ms');

  // 5. A 100,000-letter run, with a small request sent alongside it.
  const run = post(mock.baseURL, { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'a'.repeat(100_000) + 'b'.repeat(7) }], max_tokens: 50 });
  await new Promise((r) => setTimeout(r, 5));
  const alongside = await post(mock.baseURL, JSON.parse(small));
  const runDone = await run;
  report('100,000-letter run answered', `${runDone.ms.toFixed(0)} ms (status ${runDone.status})`, '—', '≤ 1000 ms');
  report('small request sent alongside it', `${alongside.ms.toFixed(1)} ms`, '—', '≤ 50 ms');

  const mem = rssMb(mock.child.pid!);
  stop(mock.child);

  // 6. A 100 MB single-letter prompt: counting stops once it certainly cannot fit.
  const huge = await benchHugePrompt();
  report(`100 MB one-letter prompt to ${huge.model} answered (${huge.status} "${huge.message}")`, `${huge.ms.toFixed(0)} ms`, '—', '≤ 5000 ms');
  report('its server RSS growth (peak over before)', `${huge.growthMb.toFixed(0)} MB`, '—', '≤ 500 MB');

  // 7. 2,000 idle connections (past the default cap of 1,024), then a normal request.
  const idle = await benchIdleConnections(2000);
  report('small completion with 2,000 idle connections open (cap 1,024)', `${idle.ms.toFixed(1)} ms (status ${idle.status}; ${idle.closed} idle closed)`, '—', 'answered');

  // 8. Matching among 1,000 fixtures.
  const matching = benchMatching();
  report('fixture matching among 1,000 (short user text)', `${matching.short.toFixed(0)} µs/request`, '—', '—');
  report('fixture matching among 1,000 (10 kB user text)', `${matching.long.toFixed(0)} µs/request`, '—', '—');

  // 9. A 4,000-token scripted reply streamed at full speed, against bare streamSSE writing the same chunks.
  const dir = mkdtempSync(join(tmpdir(), 'moonshot-mock-bench-'));
  const words = 'the model reads each request and checks the window before it answers'.split(' ');
  const longReply = Array.from({ length: 4000 }, (_, i) => words[i % words.length]).join(' ');
  writeFileSync(join(dir, 'long.yaml'), JSON.stringify({ version: 1, fixtures: [{ name: 'long', reply: { content: longReply } }] }));
  const scripted = await spawnServer(process.execPath, [bin, '--port', '0', '--fixtures', join(dir, 'long.yaml')]);
  const streamBody = JSON.stringify({ model: 'kimi-k2.6', thinking: { type: 'disabled' }, messages: [{ role: 'user', content: 'Go' }], max_tokens: 8000, stream: true, stream_options: { include_usage: true } });
  const sample = await streamOnce(scripted.baseURL, streamBody);
  writeFileSync(join(dir, 'chunks.json'), JSON.stringify(sample.payloads.filter((p) => p !== '[DONE]').concat('[DONE]')));
  const bareSse = await spawnServer(process.execPath, ['--import', 'tsx', 'test/bench/bare-sse-server.ts', join(dir, 'chunks.json')]);
  const mockTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    mockTimes.push((await streamOnce(scripted.baseURL, streamBody)).ms);
    bareTimes.push((await streamOnce(bareSse.baseURL, streamBody)).ms);
  }
  const usage = JSON.parse(sample.payloads.at(-2)!).usage;
  report(`4,000-token scripted stream (${sample.payloads.length} events, ${usage.completion_tokens} tokens), median of 7`, `${median(mockTimes).toFixed(1)} ms`, `${median(bareTimes).toFixed(1)} ms bare streamSSE`, `≤ 2× (${(median(mockTimes) / median(bareTimes)).toFixed(2)}×)`);
  stop(scripted.child);
  stop(bareSse.child);
  report('emulator RSS after all of the above', `${mem.rss.toFixed(0)} MB (peak ${mem.peak.toFixed(0)} MB)`, '—', '≤ 250 MB');
  stop(bare.child);
  agent.destroy();

  // 8. The journal under 100,000 requests.
  await reportJournal();
  printRows();
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
