import { afterEach, describe, expect, it } from 'vitest';
import { listening, run, SPAWN_TIMEOUT_MS, stopSpawned } from '../support/run-cli.ts';

afterEach(stopSpawned);

describe('moonshot-mock --admin-token', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('locks /_mock/* behind the token and opens it with the token', async () => {
    const baseURL = await run(['--port', '0', '--admin-token', 'cli-admin-secret'], {}, listening).ready;
    const admin = baseURL.replace(/\/v1$/, '/_mock/requests');
    const refused = await fetch(admin);
    const allowed = await fetch(admin, { headers: { Authorization: 'Bearer cli-admin-secret' } });
    expect([refused.status, allowed.status]).toEqual([401, 200]);
  });

  it('takes the token from MOONSHOT_MOCK_ADMIN_TOKEN', async () => {
    const baseURL = await run(['--port', '0'], { MOONSHOT_MOCK_ADMIN_TOKEN: 'env-admin-secret' }, listening).ready;
    const refused = await fetch(baseURL.replace(/\/v1$/, '/_mock/namespaces'));
    expect(refused.status).toBe(401);
  });
});
