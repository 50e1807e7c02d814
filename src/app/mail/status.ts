/** @module What `mizan mail status` shows: the outbox by state, the oldest waiting row, recent errors, subscribers by state. */
import { sql } from 'kysely';
import type { Store } from '../../store/index.ts';
import { countSubscribers } from './subscribe.ts';
import { mdb } from './tables.ts';

export interface MailStatus {
  outbox: Record<string, number>;
  oldestQueued: string | null;
  recentErrors: { id: string; status: string; attempts: number; error: string }[];
  subscribers: Record<string, number>;
}

/** @example await mailStatus(store) // → { outbox: { queued: 3, sent: 120 }, oldestQueued: '2026-…', recentErrors: [], subscribers: { active: 40 } } */
export async function mailStatus(store: Store): Promise<MailStatus> {
  const db = mdb(store);
  const rows = await db.selectFrom('mail_outbox').select(['status', sql<number>`count(*)`.as('n')]).groupBy('status').execute();
  const oldest = await db.selectFrom('mail_outbox').select('due_at').where('status', 'in', ['queued', 'sending']).orderBy('due_at').limit(1).executeTakeFirst();
  const errors = await db
    .selectFrom('mail_outbox')
    .select(['id', 'status', 'attempts', 'last_error'])
    .where('last_error', 'is not', null)
    .where('status', 'in', ['queued', 'failed'])
    .orderBy('created_at', 'desc')
    .limit(5)
    .execute();
  return {
    outbox: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    oldestQueued: oldest?.due_at ?? null,
    recentErrors: errors.map((e) => ({ id: e.id, status: e.status, attempts: Number(e.attempts), error: e.last_error! })),
    subscribers: await countSubscribers(store),
  };
}
