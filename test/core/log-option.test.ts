import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenCounter } from '../../src/index.ts';
import { chat, hello, mockApp, plain } from '../support/mock-app.ts';

const stderr = vi.spyOn(console, 'error');
afterEach(() => stderr.mockClear());

describe('the log option', () => {
  it('receives the request lines of logRequests, and stderr nothing', async () => {
    const lines: string[] = [];
    const app = mockApp({ log: (line) => lines.push(line), logRequests: true });
    await chat(app, { ...plain, messages: hello });
    expect(lines).toEqual([expect.stringMatching(/^POST \/v1\/chat\/completions 200 model=kimi-k2.6 reply=generated fault=none \d+\.\dms \[[0-9a-f-]{36}\]$/)]);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('receives the request line of an admin request, which is answered as usual', async () => {
    const lines: string[] = [];
    const app = mockApp({ log: (line) => lines.push(line), logRequests: true });
    const res = await app.request('/_mock/requests');
    expect(res.status).toBe(200);
    expect(lines).toEqual([expect.stringMatching(/^GET \/_mock\/requests 200 \d+\.\dms \[[0-9a-f-]{36}\]$/)]);
  });

  it('receives an internal error, which the client sees only as a 500 envelope', async () => {
    const lines: string[] = [];
    const broken = { countTexts: async () => { throw new Error('counter exploded'); } } as unknown as TokenCounter;
    const app = mockApp({ log: (line) => lines.push(line), tokenCounter: broken });
    const res = await chat(app, { ...plain, messages: hello });
    expect([res.status, res.json]).toEqual([500, { error: { message: 'Internal server error', type: 'server_error' } }]);
    expect(lines.join('\n')).toContain('counter exploded');
    expect(stderr).not.toHaveBeenCalled();
  });

  it('receives the notice of an injected fault', async () => {
    const lines: string[] = [];
    const app = mockApp({ log: (line) => lines.push(line) });
    await chat(app, { ...plain, messages: hello }, { Authorization: 'Bearer sk-test', 'x-mock-fault': '503' });
    expect(lines).toEqual([expect.stringMatching(/^moonshot-mock: injected http fault \(source: header\) \[[0-9a-f-]{36}\]$/)]);
    expect(stderr).not.toHaveBeenCalled();
  });
});
