import { Hono } from 'hono';
import * as z from 'zod';
import { toUsd } from '../billing/call-cost.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { MoonshotError } from '../errors/moonshot-error.ts';
import { sendJson } from '../transport/send-json.ts';
import { parseBody } from '../wire/flow/parse-body.ts';
import { readJson } from '../wire/flow/read-json.ts';

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
