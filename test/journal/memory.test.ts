import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { AUTH } from '../support/mock-app.ts';
import { journalApp } from './journal-app.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in MB. */
function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('memory under load, in-process', () => {
  it('stays flat over 4,000 journaled POSTs once the journal is full', { timeout: 120_000 }, async () => {
    const app = journalApp({ journalLimit: 100, log: () => {} });
    const send = async () => (await app.request('/v1/chat/completions', { method: 'POST', headers: { 'Content-Type': 'application/json', ...AUTH }, body: '{"model":"no-such-model","messages":[{"role":"user","content":"x"}]}' })).arrayBuffer();
    const burst = async (count: number) => {
      for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: 50 }, send));
    };
    await burst(1000);
    const before = heapMb();
    await burst(4000);
    // 4,000 leaked request pairs of ~1.8 kB each (Hono's bodyLimit on Node 20) would add ~7 MB.
    expect(heapMb() - before).toBeLessThan(2.5);
  });
});
