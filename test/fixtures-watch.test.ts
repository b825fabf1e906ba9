import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../src/index.ts';
import { plain } from './support/mock-app.ts';

const file = (content: string) => `version: 1\nfixtures:\n  - name: hello\n    reply: { content: "${content}" }\n`;
let server: RunningServer | undefined;
afterAll(() => server?.close());

describe('--watch', () => {
  it('serves edited fixtures, and keeps the last good set while a file is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-watch-'));
    writeFileSync(join(dir, 'a.yaml'), file('first'));
    const lines: string[] = [];
    const stderr = vi.spyOn(console, 'error');
    server = await startServer({ port: 0, fixtures: [dir], watch: true, log: (line) => lines.push(line) });
    const reply = async () => {
      const res = await fetch(`${server!.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { Authorization: 'Bearer k' },
        body: JSON.stringify({ ...plain, messages: [{ role: 'user', content: 'Hi' }] }),
      });
      return ((await res.json()) as any).choices[0].message.content as string;
    };
    expect(await reply()).toBe('first');
    writeFileSync(join(dir, 'a.yaml'), file('second'));
    await vi.waitFor(async () => expect(await reply()).toBe('second'), { timeout: 30_000, interval: 50 });
    writeFileSync(join(dir, 'a.yaml'), 'version: 1\nfixtures:\n  - reply: { contnt: "x" }\n');
    await vi.waitFor(() => expect(lines.join('\n')).toContain('keeping the last good set (1 fixture)'), { timeout: 30_000, interval: 50 });
    expect(await reply()).toBe('second');
    expect(lines.join('\n')).toContain('moonshot-mock: reloaded 1 fixture from');
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
  });
});
