/**
 * @module Sign-in throttling, stored in the database so it holds across restarts and processes. Each
 * key (an account, an address) has some free failures; past them every failure locks the key for twice
 * as long as the last, up to an hour. A success clears the account's key, never the address's (one
 * good password must not reset an address spraying guesses at other accounts).
 */
import type { Store } from '../../store/index.ts';
import { edb } from './tables.ts';

export interface ThrottlePolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 60 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, baseLockMs: 30_000, maxLockMs: 60 * 60_000 };

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(ip: string): string {
  return `address:${ip}`;
}

/** How long the lock after `failures` failures lasts: 0 within the free ones, then doubling. */
export function lockDuration(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over < 0) return 0;
  return Math.min(policy.baseLockMs * 2 ** Math.min(over, 30), policy.maxLockMs);
}

/** Milliseconds until `key` may try again (0: now). */
export async function lockedFor(store: Store, key: string, now = new Date()): Promise<number> {
  const row = await edb(store).selectFrom('sign_in_throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
  if (!row?.locked_until) return 0;
  return Math.max(0, Date.parse(row.locked_until) - now.getTime());
}

/** Counts one failure for `key` and sets its lock. */
export async function recordFailure(store: Store, key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  await store.transaction(async (tx) => {
    const t = edb(tx);
    const row = await t.selectFrom('sign_in_throttle').select('failures').where('key', '=', key).executeTakeFirst();
    const failures = (row?.failures ?? 0) + 1;
    const lock = lockDuration(failures, policy);
    const values = { failures, locked_until: lock ? new Date(now.getTime() + lock).toISOString() : null, last_failure_at: now.toISOString() };
    if (row) await t.updateTable('sign_in_throttle').set(values).where('key', '=', key).execute();
    else await t.insertInto('sign_in_throttle').values({ key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
  });
}

export async function clearFailures(store: Store, key: string): Promise<void> {
  await edb(store).deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
