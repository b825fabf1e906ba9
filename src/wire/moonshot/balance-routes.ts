import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { authenticate } from '../flow/authenticate.ts';
import { sendJson } from '../../transport/send-json.ts';
import { payerOf } from '../../billing/bill-calls.ts';
import { toUsd } from '../../billing/call-cost.ts';

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
