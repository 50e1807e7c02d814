/**
 * @module Claiming outbox rows under a lease, so that any number of workers (two servers on one
 * PostgreSQL database, a restarted process) never hold the same row at once. PostgreSQL:
 * `SELECT … FOR UPDATE SKIP LOCKED` inside the claiming UPDATE, so concurrent workers take disjoint
 * rows without waiting on each other. SQLite: the select and the update in one `BEGIN IMMEDIATE`
 * transaction, which takes the database's write lock first (a deferred transaction that reads and
 * then writes fails at once with SQLITE_BUSY in WAL mode, whatever the busy timeout).
 *
 * A row is claimable when it is queued and due, or when it is `sending` and its lease has run out:
 * its worker died before handing it to the SMTP server. Claiming counts an attempt. Rows are taken by
 * priority first (transactional mail, 0, before list mail, 1), then oldest due first: a reviewer's
 * notice queued after a flood of alerts goes out with the next batch, not after the flood.
 *
 * The one row a worker may die holding in doubt is `handed`: it was recorded as given to the SMTP
 * server just before the server was asked to take it, and its outcome was not recorded. Whether the
 * server accepted it cannot be known from here, so when its lease runs out it becomes `unknown` and is
 * never sent again by itself (a reader never gets a copy twice); `mizan mail status` lists it and
 * `mizan mail retry` sends it again once someone has checked the relay's log.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Store } from '../../store/index.ts';
import type { MailOutboxTable } from './tables.ts';

export type OutboxRow = Selectable<MailOutboxTable>;

/** Rows a worker holds: claimed (`sending`) or given to the SMTP server (`handed`). */
const HELD = sql`status in ('sending', 'handed')`;

/** What a row left `handed` by a worker that died says. */
export const IN_DOUBT = 'the worker stopped while the SMTP server had this message: it may or may not have been delivered, so it is not sent again by itself (mizan mail retry)';

/** Rows whose worker died while the SMTP server had them become `unknown`; returns how many. */
async function settleInDoubt(db: Kysely<any>, at: string): Promise<number> {
  const r = await sql`update mail_outbox set status = 'unknown', lease_owner = null, lease_until = null, last_error = ${IN_DOUBT}
    where status = 'handed' and lease_until < ${at}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

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

/** The order a batch is sent in, the order it was claimed in (UPDATE … RETURNING keeps none). */
function claimOrder(a: OutboxRow, b: OutboxRow): number {
  const p = Number(a.priority) - Number(b.priority);
  if (p) return p;
  return a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
      await settleInDoubt(trx, at);
      const first = await sql<OutboxRow>`update mail_outbox set ${set}
        where id in (select id from mail_outbox where ${claimable(at)} order by priority, due_at, id limit ${limit} for update skip locked)
        returning *`.execute(trx);
      const subs = [...new Set(first.rows.filter((r) => r.kind === 'digest').map((r) => r.subscriber_id!))];
      if (!subs.length) return first.rows.sort(claimOrder);
      const more = await sql<OutboxRow>`update mail_outbox set ${set}
        where id in (select id from mail_outbox where kind = 'digest' and subscriber_id in (${sql.join(subs)}) and ${claimable(at)} for update skip locked)
        returning *`.execute(trx);
      return [...first.rows, ...more.rows].sort(claimOrder);
    });
  }
  return inImmediate(store.db, async (conn) => {
    await settleInDoubt(conn, at);
    const ids = (await sql<{ id: string; kind: string; subscriber_id: string | null }>`select id, kind, subscriber_id from mail_outbox where ${claimable(at)} order by priority, due_at, id limit ${limit}`.execute(conn)).rows;
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
    return rows.sort(claimOrder);
  });
}

/**
 * Records a worker's progress in one commit: `sent` rows the server accepted, and `handed` rows about
 * to be given to it (their outcome is in doubt until the next call). Only rows `owner` still holds
 * change; returns how many of `handed` it still holds (fewer: another worker took them, do not send).
 *
 * `durable: false` commits without waiting for the disk (SQLite `synchronous = NORMAL`, PostgreSQL
 * `synchronous_commit = off`): the commit survives the worker's process dying, which is the crash the
 * outbox must survive message by message, and the next durable commit (the end of every batch) makes
 * it survive a power cut too. This is what lets a batch cost one disk flush instead of one a message.
 *
 * @example await recordProgress(store, 'host:1', { sent: ['alert:s1:a1'], handed: ['alert:s2:a1'] }, { durable: false }) // → 1
 */
export async function recordProgress(
  store: Store,
  owner: string,
  marks: { sent?: string[]; handed?: string[] },
  opts: { durable: boolean; now?: Date },
): Promise<number> {
  const sent = marks.sent ?? [];
  const handed = marks.handed ?? [];
  if (!sent.length && !handed.length) return 0;
  const at = (opts.now ?? new Date()).toISOString();
  const write = async (db: Kysely<any>) => {
    if (sent.length)
      await sql`update mail_outbox set status = 'sent', sent_at = ${at}, lease_owner = null, lease_until = null, last_error = null
        where id in (${sql.join(sent)}) and ${HELD} and lease_owner = ${owner}`.execute(db);
    if (!handed.length) return 0;
    const r = await sql`update mail_outbox set status = 'handed' where id in (${sql.join(handed)}) and ${HELD} and lease_owner = ${owner}`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  };
  if (store.engine === 'postgres') {
    // One statement, one round trip: the setting, both marks, and the count, in one implicit transaction.
    const r = await sql<{ held: string | number }>`with cfg as (select set_config('synchronous_commit', ${opts.durable ? 'on' : 'off'}, true) as v),
      s as (update mail_outbox set status = 'sent', sent_at = ${at}, lease_owner = null, lease_until = null, last_error = null
        where ${sent.length ? sql`id in (${sql.join(sent)})` : sql`false`} and ${HELD} and lease_owner = ${owner} and exists (select v from cfg) returning id),
      h as (update mail_outbox set status = 'handed'
        where ${handed.length ? sql`id in (${sql.join(handed)})` : sql`false`} and ${HELD} and lease_owner = ${owner} and exists (select v from cfg) returning id)
      select (select count(*) from h) as held, (select count(*) from s) as marked`.execute(store.db);
    return Number(r.rows[0]?.held ?? 0);
  }
  return store.db.connection().execute(async (conn) => {
    if (!opts.durable) await sql`pragma synchronous = NORMAL`.execute(conn);
    try {
      return await inImmediate(conn, write);
    } finally {
      if (!opts.durable) await sql`pragma synchronous = FULL`.execute(conn);
    }
  });
}

/** Marks rows sent, durably, if `owner` still holds them. */
export async function markSent(store: Store, ids: string[], owner: string, now = new Date()): Promise<void> {
  await recordProgress(store, owner, { sent: ids }, { durable: true, now });
}

/** Puts rows back in the queue, due at `dueAt`, with the error that sent them back. */
export async function release(store: Store, ids: string[], owner: string, dueAt: Date, error: string | null, opts: { uncount?: boolean } = {}): Promise<void> {
  if (!ids.length) return;
  const attempts = opts.uncount ? sql`attempts - 1` : sql`attempts`;
  await sql`update mail_outbox set status = 'queued', due_at = ${dueAt.toISOString()}, lease_owner = null, lease_until = null, last_error = ${error}, attempts = ${attempts}
    where id in (${sql.join(ids)}) and ${HELD} and lease_owner = ${owner}`.execute(store.db);
}

/** Ends rows for good: `failed` (with the error) or `cancelled` (nothing to send any more). */
export async function finish(store: Store, ids: string[], owner: string, status: 'failed' | 'cancelled', error: string): Promise<void> {
  if (!ids.length) return;
  await sql`update mail_outbox set status = ${status}, lease_owner = null, lease_until = null, last_error = ${error.slice(0, 500)}
    where id in (${sql.join(ids)}) and ${HELD} and lease_owner = ${owner}`.execute(store.db);
}

/**
 * Extends the lease on rows `owner` still holds, just before sending them; returns how many it still
 * holds. A row whose lease ran out and was taken by another worker is not sent by this one.
 */
export async function renewLease(store: Store, ids: string[], owner: string, leaseMs: number, now = new Date()): Promise<number> {
  const r = await sql`update mail_outbox set lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}
    where id in (${sql.join(ids)}) and ${HELD} and lease_owner = ${owner}`.execute(store.db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Puts rows whose delivery is in doubt (`unknown`), or given up (`failed`), back in the queue, for an
 * operator who has checked the relay's log; returns how many. `ids` empty: every `unknown` row.
 *
 * @example await requeue(store, []) // → 1
 */
export async function requeue(store: Store, ids: string[], now = new Date()): Promise<number> {
  const which = ids.length ? sql`id in (${sql.join(ids)}) and status in ('unknown', 'failed')` : sql`status = 'unknown'`;
  const r = await sql`update mail_outbox set status = 'queued', due_at = ${now.toISOString()}, attempts = 0, lease_owner = null, lease_until = null
    where ${which}`.execute(store.db);
  return Number(r.numAffectedRows ?? 0);
}
