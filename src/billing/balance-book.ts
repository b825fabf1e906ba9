import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../storage/atomic-write.ts';
import { NANO_PER_USD } from './call-cost.ts';
import type { BalanceConfig } from './balance-config.ts';

/** One account, in nano-dollars. */
export interface Account {
  cash: number;
  voucher: number;
}

/** Each user's (organisation's) balance: charged by billable calls, set by `POST /_mock/balance`. */
export interface BalanceBook {
  /** The account of `organization`, created at the starting balance on first use. */
  account(organization: string): Readonly<Account>;
  /** Cash (when positive) + voucher: what the API shows as `available_balance` and refuses inference at ≤ 0. */
  available(organization: string): number;
  /**
   * Takes `nano` from the account: half from the voucher and half from cash (as since 2026-09); a
   * side that cannot pay its half leaves the rest to the other, and what neither can pay drives the
   * cash negative (a call already served is charged in full).
   */
  charge(organization: string, nano: number): void;
  /** Sets the account (USD). */
  set(organization: string, balance: BalanceConfig): void;
  /** Every account back to the starting balance. */
  reset(): void;
}

const toNano = (usd: number) => Math.round(usd * NANO_PER_USD);

/**
 * Creates the book. With `dataDir` it loads `balances.json` from there and rewrites it atomically and
 * synchronously on every change, so a change is on disk before the call that made it is answered.
 */
export function createBalanceBook(start: BalanceConfig, dataDir?: string): BalanceBook {
  const initial = (): Account => ({ cash: toNano(start.cash), voucher: toNano(start.voucher) });
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const path = dataDir && join(dataDir, 'balances.json');
  const accounts = new Map<string, Account>(path ? loadAccounts(path) : []);
  const persist = (): void => {
    if (!path) return;
    const data = JSON.stringify({ version: 1, unit: 'nano-USD', accounts: Object.fromEntries(accounts) });
    writeFileAtomicSync(path, data, 'write');
  };
  const account = (organization: string): Account => {
    let found = accounts.get(organization);
    if (!found) accounts.set(organization, (found = initial()));
    return found;
  };
  return {
    account,
    available(organization) {
      const { cash, voucher } = account(organization);
      return Math.max(cash, 0) + voucher;
    },
    charge(organization, nano) {
      if (nano <= 0) return;
      const target = account(organization);
      const fromVoucher = Math.min(Math.max(target.voucher, 0), nano - Math.ceil(nano / 2));
      const fromCash = Math.min(Math.max(target.cash, 0), nano - fromVoucher);
      const extraVoucher = Math.min(Math.max(target.voucher - fromVoucher, 0), nano - fromVoucher - fromCash);
      target.voucher -= fromVoucher + extraVoucher;
      target.cash -= nano - fromVoucher - extraVoucher;
      persist();
    },
    set(organization, balance) {
      accounts.set(organization, { cash: toNano(balance.cash), voucher: toNano(balance.voucher) });
      persist();
    },
    reset() {
      accounts.clear();
      persist();
    },
  };
}

/** Reads the saved accounts; a missing file is an empty book. */
function loadAccounts(path: string): Array<[string, Account]> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const data = JSON.parse(text) as { accounts?: Record<string, Account> };
  return Object.entries(data.accounts ?? {});
}
