import * as z from 'zod';

const usd = z.coerce.number().finite();

/**
 * The `balance` option: what every user's account holds at start (and after `POST /_mock/reset`), in
 * USD. A number is all cash; an object splits it into cash and voucher.
 */
export const balanceConfigSchema = z
  .union([usd, z.strictObject({ cash: usd.default(0), voucher: usd.default(0) })])
  .transform((value) => (typeof value === 'number' ? { cash: value, voucher: 0 } : value));

/** A starting balance in USD. */
export type BalanceConfig = z.output<typeof balanceConfigSchema>;
