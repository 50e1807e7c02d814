/**
 * @module Flood limits for the subscribe form, in the database so they hold across processes: a fixed
 * window counter a key (`ip:ADDRESS`, `to:MAILBOX`). One address or one IP cannot turn the site into a
 * mail cannon: past its limit an IP is answered 429, and a mailbox silently gets no more mail from the
 * form (the page says the same as always, so nobody learns whether an address is subscribed).
 */
import type { Store } from '../../store/index.ts';
import { mdb } from './tables.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

/** Subscribe requests from one IP address. */
export const IP_LIMIT: Limit = { max: 10, windowMs: 3600_000 };
/** Mails the form may cause to one mailbox (confirmations, "you are already subscribed"). */
export const MAILBOX_LIMIT: Limit = { max: 3, windowMs: 24 * 3600_000 };

/**
 * Counts one use of `key`; false when it is over its limit (the use is still counted).
 *
 * @example await take(tx, 'ip:192.0.2.1', IP_LIMIT) // → true for the first ten in an hour
 */
export async function take(tx: Store, key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const db = mdb(tx);
  const row = await db.selectFrom('mail_throttle').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
  const fresh = !row || Date.parse(row.window_start) + limit.windowMs <= now.getTime();
  const count = fresh ? 1 : Number(row.count) + 1;
  const values = { count, window_start: fresh ? now.toISOString() : row!.window_start };
  await db
    .insertInto('mail_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
  return count <= limit.max;
}

/** Forgets counters whose window has passed (called with the worker's housekeeping). */
export async function purgeThrottle(store: Store, now = new Date()): Promise<void> {
  const oldest = new Date(now.getTime() - Math.max(IP_LIMIT.windowMs, MAILBOX_LIMIT.windowMs)).toISOString();
  await mdb(store).deleteFrom('mail_throttle').where('window_start', '<', oldest).execute();
}
