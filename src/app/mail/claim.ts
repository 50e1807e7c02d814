/**
 * @module Claiming outbox rows under a lease, so that any number of workers (two servers on one
 * PostgreSQL database, a restarted process) never hold the same row at once. PostgreSQL:
 * `SELECT … FOR UPDATE SKIP LOCKED` inside the claiming UPDATE, so concurrent workers take disjoint
 * rows without waiting on each other. SQLite: the select and the update in one `BEGIN IMMEDIATE`
 * transaction, which takes the database's write lock first (a deferred transaction that reads and
 * then writes fails at once with SQLITE_BUSY in WAL mode, whatever the busy timeout).
 *
 * A row is claimable when it is queued and due, or when it is `sending` and its lease has run out:
 * its worker died mid-send. Claiming counts an attempt.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../store/index.ts';
import type { MailOutboxTable } from './tables.ts';

export type OutboxRow = MailOutboxTable;

function claimable(now: string) {
  return sql`((status = 'queued' and due_at <= ${now}) or (status = 'sending' and lease_until < ${now}))`;
}

async function inImmediate<T>(db: Kysely<any>, fn: (conn: Kysely<any>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw err;
    }
  });
}

/**
 * Claims up to `limit` due rows for `owner` until `now + leaseMs`; a claimed digest row brings every
 * other due digest row of its subscriber along (one digest mail a reader).
 *
 * @example await claimBatch(store, 'host:1234', 50, 300_000) // → [{ id: 'alert:…', status: 'sending', … }]
 */
export async function claimBatch(store: Store, owner: string, limit: number, leaseMs: number, now = new Date()): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const set = sql`status = 'sending', lease_owner = ${owner}, lease_until = ${until}, attempts = attempts + 1`;
  if (store.engine === 'postgres') {
    return store.db.transaction().execute(async (trx) => {
      const first = await sql<OutboxRow>`update mail_outbox set ${set}
        where id in (select id from mail_outbox where ${claimable(at)} order by due_at, id limit ${limit} for update skip locked)
        returning *`.execute(trx);
      const subs = [...new Set(first.rows.filter((r) => r.kind === 'digest').map((r) => r.subscriber_id!))];
      if (!subs.length) return first.rows;
      const more = await sql<OutboxRow>`update mail_outbox set ${set}
        where id in (select id from mail_outbox where kind = 'digest' and subscriber_id in (${sql.join(subs)}) and ${claimable(at)} for update skip locked)
        returning *`.execute(trx);
      return [...first.rows, ...more.rows];
    });
  }
  return inImmediate(store.db, async (conn) => {
    const ids = (await sql<{ id: string; kind: string; subscriber_id: string | null }>`select id, kind, subscriber_id from mail_outbox where ${claimable(at)} order by due_at, id limit ${limit}`.execute(conn)).rows;
    const subs = [...new Set(ids.filter((r) => r.kind === 'digest').map((r) => r.subscriber_id!))];
    const all = new Set(ids.map((r) => r.id));
    for (let i = 0; i < subs.length; i += 500) {
      const more = await sql<{ id: string }>`select id from mail_outbox where kind = 'digest' and subscriber_id in (${sql.join(subs.slice(i, i + 500))}) and ${claimable(at)}`.execute(conn);
      for (const r of more.rows) all.add(r.id);
    }
    const list = [...all];
    const rows: OutboxRow[] = [];
    for (let i = 0; i < list.length; i += 500) {
      const got = await sql<OutboxRow>`update mail_outbox set ${set} where id in (${sql.join(list.slice(i, i + 500))}) returning *`.execute(conn);
      rows.push(...got.rows);
    }
    return rows.sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id < b.id ? -1 : 1));
  });
}

/** Marks rows sent, if `owner` still holds them; returns how many it marked. */
export async function markSent(store: Store, ids: string[], owner: string, now = new Date()): Promise<number> {
  const r = await sql`update mail_outbox set status = 'sent', sent_at = ${now.toISOString()}, lease_owner = null, lease_until = null, last_error = null
    where id in (${sql.join(ids)}) and status = 'sending' and lease_owner = ${owner}`.execute(store.db);
  return Number(r.numAffectedRows ?? 0);
}

/** Puts rows back in the queue, due at `dueAt`, with the error that sent them back. */
export async function release(store: Store, ids: string[], owner: string, dueAt: Date, error: string | null, opts: { uncount?: boolean } = {}): Promise<void> {
  if (!ids.length) return;
  const attempts = opts.uncount ? sql`attempts - 1` : sql`attempts`;
  await sql`update mail_outbox set status = 'queued', due_at = ${dueAt.toISOString()}, lease_owner = null, lease_until = null, last_error = ${error}, attempts = ${attempts}
    where id in (${sql.join(ids)}) and status = 'sending' and lease_owner = ${owner}`.execute(store.db);
}

/** Ends rows for good: `failed` (with the error) or `cancelled` (nothing to send any more). */
export async function finish(store: Store, ids: string[], owner: string, status: 'failed' | 'cancelled', error: string): Promise<void> {
  if (!ids.length) return;
  await sql`update mail_outbox set status = ${status}, lease_owner = null, lease_until = null, last_error = ${error.slice(0, 500)}
    where id in (${sql.join(ids)}) and status = 'sending' and lease_owner = ${owner}`.execute(store.db);
}

/**
 * Extends the lease on rows `owner` still holds, just before sending them; returns how many it still
 * holds. A row whose lease ran out and was taken by another worker is not sent by this one.
 */
export async function renewLease(store: Store, ids: string[], owner: string, leaseMs: number, now = new Date()): Promise<number> {
  const r = await sql`update mail_outbox set lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}
    where id in (${sql.join(ids)}) and status = 'sending' and lease_owner = ${owner}`.execute(store.db);
  return Number(r.numAffectedRows ?? 0);
}
