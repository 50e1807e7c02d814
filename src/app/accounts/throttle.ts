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

/** What a claim took, so a success can give it back. */
export interface Claim {
  key: string;
  failures: number;
  previousLock: string | null;
}

export type ClaimResult = { kind: 'claimed'; claim: Claim } | { kind: 'locked'; retryAfterMs: number };

/** Claims lost to parallel attempts before one gives up and counts as locked (fail closed). */
const CLAIM_ATTEMPTS = 100;

/**
 * Takes one attempt for `key` BEFORE the secret is checked: the attempt counts as a failure, with the
 * lock that failure would set, unless a success gives it back (`releaseClaim`). Checking first and
 * counting after let 40 parallel guesses all be checked while each saw the key unlocked; a claim is a
 * compare-and-set on the failure count (`UPDATE … WHERE failures = read`), so N parallel attempts count
 * as N on both engines and no more than the free failures are ever checked.
 *
 * @example await claimAttempt(store, accountKey(email), ACCOUNT_POLICY) // → { kind: 'claimed', claim } or { kind: 'locked', retryAfterMs }
 */
export async function claimAttempt(store: Store, key: string, policy: ThrottlePolicy, now = new Date()): Promise<ClaimResult> {
  const db = edb(store);
  const at = now.getTime();
  for (let i = 0; i < CLAIM_ATTEMPTS; i++) {
    const row = await db.selectFrom('sign_in_throttle').select(['failures', 'locked_until']).where('key', '=', key).executeTakeFirst();
    const wait = row?.locked_until ? Date.parse(row.locked_until) - at : 0;
    if (wait > 0) return { kind: 'locked', retryAfterMs: wait };
    const failures = (row?.failures ?? 0) + 1;
    const lock = lockDuration(failures, policy);
    const values = { failures, locked_until: lock ? new Date(at + lock).toISOString() : null, last_failure_at: now.toISOString() };
    const taken = row
      ? Number((await db.updateTable('sign_in_throttle').set(values).where('key', '=', key).where('failures', '=', row.failures).executeTakeFirst()).numUpdatedRows) > 0
      : Number((await db.insertInto('sign_in_throttle').values({ key, ...values }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0) > 0;
    if (taken) return { kind: 'claimed', claim: { key, failures, previousLock: row?.locked_until ?? null } };
  }
  return { kind: 'locked', retryAfterMs: policy.baseLockMs };
}

/**
 * Gives back a claimed attempt that turned out not to be a failure: the count and lock go back to what
 * they were when no other attempt has claimed since; otherwise only the count goes down (the later
 * attempts' lock stands).
 */
export async function releaseClaim(store: Store, claim: Claim): Promise<void> {
  const db = edb(store);
  const restored = await db
    .updateTable('sign_in_throttle')
    .set({ failures: claim.failures - 1, locked_until: claim.previousLock })
    .where('key', '=', claim.key)
    .where('failures', '=', claim.failures)
    .executeTakeFirst();
  if (Number(restored.numUpdatedRows) > 0) return;
  await db
    .updateTable('sign_in_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', claim.key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearFailures(store: Store, key: string): Promise<void> {
  await edb(store).deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
