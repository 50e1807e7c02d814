/**
 * @module A named lock held until the transaction that took it ends, for a write that several servers
 * must not make side by side (migrating, the first account of a database). PostgreSQL: a transaction-scoped
 * advisory lock on the name, per schema; a second transaction asking for it waits for the first to end,
 * and (read committed) its next statement sees what the first one committed. SQLite: nothing more to
 * take, since every Mizan transaction begins IMMEDIATE and so already holds the database's one write lock.
 */
import { sql, type Kysely } from 'kysely';
import { MizanError } from '../../lib/index.ts';
import { engineOf } from './index.ts';

/**
 * Takes the lock `name` for the rest of the transaction `trx`.
 *
 * @example await store.transaction(async (tx) => { await lockTransaction(tx.db, 'first-account'); … })
 */
export async function lockTransaction(trx: Kysely<any>, name: string): Promise<void> {
  if (!trx.isTransaction) {
    throw new MizanError('no-transaction', `the lock "${name}" lasts as long as a transaction: take it inside store.transaction(), not outside one`);
  }
  if (engineOf(trx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`mizan-lock:${name}:`}::text || current_schema()))`.execute(trx);
}
