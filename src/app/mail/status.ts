/**
 * @module What `mizan mail status` and the admin show: the outbox by state, the oldest waiting row,
 * digest items waiting for the next digest and when it goes out, recent errors, messages whose
 * delivery is in doubt (a worker died while the SMTP server had them), bounced addresses, subscribers
 * by state.
 */
import { sql } from 'kysely';
import type { Store } from '../../store/index.ts';
import { countSubscribers } from './subscribe.ts';
import { mdb } from './tables.ts';
import { DEFAULT_DIGEST, NEXT_DIGEST, nextDigestAt, type DigestSchedule } from './digest-schedule.ts';

export interface MailStatus {
  outbox: Record<string, number>;
  oldestQueued: string | null;
  /** Digest items waiting for the next digest, and when it goes out (with the zone it is reckoned in). */
  digest: { waiting: number; next: string; timeZone: string };
  recentErrors: { id: string; status: string; attempts: number; error: string }[];
  /** Rows in doubt (`unknown`): not sent again unless someone runs `mizan mail retry`. */
  inDoubt: { id: string; to: string | null; messageId: string }[];
  /** Addresses mail stopped to, newest first, with the server's words. */
  bounced: { email: string; at: string; reason: string }[];
  subscribers: Record<string, number>;
}

/** @example await mailStatus(store) // → { outbox: { queued: 3, sent: 120 }, oldestQueued: '2026-…', digest: { waiting: 0, … }, recentErrors: [], inDoubt: [], bounced: [], subscribers: { active: 40 } } */
export async function mailStatus(store: Store, opts: { digest?: DigestSchedule; now?: Date } = {}): Promise<MailStatus> {
  const db = mdb(store);
  const schedule = opts.digest ?? DEFAULT_DIGEST;
  const rows = await db.selectFrom('mail_outbox').select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute();
  const oldest = await db
    .selectFrom('mail_outbox')
    .select('due_at')
    .where('status', 'in', ['queued', 'sending', 'handed'])
    .where('due_at', '!=', NEXT_DIGEST)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  const waiting = await db.selectFrom('mail_outbox').select(sql<number>`count(*)`.as('n')).where('status', '=', 'queued').where('due_at', '=', NEXT_DIGEST).executeTakeFirstOrThrow();
  const errors = await db
    .selectFrom('mail_outbox')
    .select(['id', 'status', 'attempts', 'last_error'])
    .where('last_error', 'is not', null)
    .where('status', 'in', ['queued', 'failed'])
    .orderBy('created_at', 'desc')
    .limit(5)
    .execute();
  const doubt = await db
    .selectFrom('mail_outbox as o')
    .leftJoin('mail_subscribers as s', 's.id', 'o.subscriber_id')
    .select(['o.id', 'o.message_id', 's.email', 'o.to_address'])
    .where('o.status', '=', 'unknown')
    .orderBy('o.id')
    .limit(50)
    .execute();
  const bounced = await db
    .selectFrom('mail_subscribers')
    .select(['email', 'updated_at', 'stopped_reason'])
    .where('status', '=', 'bounced')
    .orderBy('updated_at', 'desc')
    .limit(20)
    .execute();
  return {
    outbox: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    oldestQueued: oldest?.due_at ?? null,
    digest: { waiting: Number(waiting.n), next: nextDigestAt(opts.now ?? new Date(), schedule).toISOString(), timeZone: schedule.timeZone },
    recentErrors: errors.map((e) => ({ id: e.id, status: e.status, attempts: Number(e.attempts), error: e.last_error! })),
    inDoubt: doubt.map((d) => ({ id: d.id, to: d.email ?? d.to_address ?? null, messageId: d.message_id })),
    bounced: bounced.map((b) => ({ email: b.email, at: b.updated_at, reason: b.stopped_reason ?? '' })),
    subscribers: await countSubscribers(store),
  };
}
