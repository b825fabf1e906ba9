import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the package entry', () => {
  it('works from plain Node.js and exports every value the TypeScript API does', { timeout: 60_000 }, async () => {
    const script = `const m = await import('moonshot-mock');
      const res = await m.createApp().request('/v1/models', { headers: { Authorization: 'Bearer k' } });
      console.log(JSON.stringify({ status: res.status, exports: Object.keys(m).sort() }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: root, timeout: 50_000, killSignal: 'SIGKILL' });
    expect(JSON.parse(stdout)).toEqual({ status: 200, exports: Object.keys(api).sort() });
  });
});
