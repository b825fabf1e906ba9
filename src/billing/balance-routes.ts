import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../deps.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { parseBody } from '../moonshot/parse-body.ts';
import { authenticate } from '../routes/authenticate.ts';
import { readJson } from '../routes/read-json.ts';
import { sendJson } from '../transport/send-json.ts';
import { payerOf } from './bill-calls.ts';
import { toUsd } from './call-cost.ts';

/** GET /v1/users/me/balance: the caller's organisation, in Moonshot's `{code, data, scode, status}` envelope. */
export function balanceRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/users/me/balance', authenticate(deps), (c) => {
    const { organization } = payerOf(deps, c.get('apiKey'));
    const { cash, voucher } = deps.balances.account(organization);
    const data = {
      available_balance: toUsd(deps.balances.available(organization)),
      voucher_balance: toUsd(voucher),
      cash_balance: toUsd(cash),
    };
    return sendJson(c, { code: 0, data, scode: '0x0', status: true });
  });
  return routes;
}

const setBalanceSchema = z.strictObject({
  organization: z.string().min(1).optional(),
  cash: z.number().finite().default(0),
  voucher: z.number().finite().default(0),
});

/**
 * `POST /_mock/balance {"organization"?, "cash", "voucher"?}` (USD): sets a user's account; without
 * `organization`, the first user's (open mode's only one). Answers with the new balance.
 */
export function balanceAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/balance', async (c) => {
    const body = parseBody(setBalanceSchema, await readJson(c, 1024 * 1024));
    const organization = body.organization ?? deps.users.users[0]!.organization;
    if (!deps.users.users.some((user) => user.organization === organization)) {
      throw new MoonshotError({ kind: 'invalid_request', message: `moonshot-mock: no user with organization ${organization}; the configured users are ${deps.users.users.map((u) => u.organization).join(', ')}` });
    }
    deps.balances.set(organization, { cash: body.cash, voucher: body.voucher });
    const { cash, voucher } = deps.balances.account(organization);
    return sendJson(c, { organization, available_balance: toUsd(deps.balances.available(organization)), cash_balance: toUsd(cash), voucher_balance: toUsd(voucher) });
  });
  return routes;
}
