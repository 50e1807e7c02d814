/**
 * @module Brings a database to the current schema, forward only. A database that has run migrations
 * this Mizan does not know was written by a newer version and is refused before anything is written.
 *
 * Each migration and its bookkeeping row commit together or not at all, on both engines. Kysely's
 * Migrator cannot promise that on SQLite: its SQLite adapter declares no transactional DDL, so every
 * statement of a migration commits on its own, and a process killed halfway leaves tables that the next
 * run trips over ("table … already exists") — the database is bricked. SQLite does roll DDL back, so
 * Mizan runs its migrations itself: one transaction a migration (`BEGIN IMMEDIATE` on SQLite, so a
 * second process waits for the first instead of failing; a transaction-scoped advisory lock on
 * PostgreSQL), which re-reads what has run before running anything. The bookkeeping table is Kysely's
 * (`kysely_migration`), so databases written before keep working.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { DatabaseRefusedError } from '../lib/index.ts';
import { engineOf } from './dialects/index.ts';
import { lockTransaction } from './dialects/transaction-lock.ts';
import { MIGRATIONS } from './migrations/index.ts';

export interface MigrateResult {
  applied: string[];
}

export interface MigrateOptions {
  /** PostgreSQL schema holding the bookkeeping table (tests isolate themselves this way). */
  schema?: string;
  /** The migrations to bring the database to (default: all of this Mizan's); tests build older databases with fewer. */
  migrations?: Record<string, Migration>;
}

/** Applies every pending migration; throws DatabaseRefusedError for a newer or corrupt database. */
export async function migrate(db: Kysely<any>, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const table = opts.schema ? sql.table(`${opts.schema}.kysely_migration`) : sql.table('kysely_migration');
  const done = await executedMigrations(db, table).catch(() => null); // no table yet: a new database
  const unknown = (done ?? []).filter((name) => !(name in migrations));
  if (unknown.length) {
    throw new DatabaseRefusedError(
      `the database was written by a newer Mizan (it has migration ${unknown.join(', ')} that this version does not know); upgrade Mizan instead`,
    );
  }
  const applied: string[] = [];
  let current = '';
  try {
    if (done === null) {
      await atomically(db, (trx) =>
        sql`create table if not exists ${table} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(trx),
      );
    }
    // Names sort in the order they run. Pending ones run in that order even when a later one has run
    // already (branches merged in another order): migrations touch their own tables.
    for (const name of Object.keys(migrations).sort()) {
      if (done?.includes(name)) continue;
      current = name;
      const ran = await atomically(db, async (trx) => {
        if ((await executedMigrations(trx, table)).includes(name)) return false; // another process ran it meanwhile
        await migrations[name]!.up(trx);
        await sql`insert into ${table} (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(trx);
        return true;
      });
      if (ran) applied.push(name);
    }
  } catch (err) {
    const what = current ? `migration ${current}` : 'preparing the migration table';
    throw new DatabaseRefusedError(`migrating the database failed at ${what} (rolled back; nothing of it was kept): ${(err as Error).message}`, err);
  }
  return { applied };
}

async function executedMigrations(db: Kysely<any>, table: ReturnType<typeof sql.table>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from ${table}`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Runs `fn` in one transaction that also holds the migration lock. SQLite: `BEGIN IMMEDIATE` takes the
 * write lock at once (a deferred BEGIN that reads first gets SQLITE_BUSY when it tries to write after
 * another process did, whatever the busy timeout). PostgreSQL: an advisory lock per schema, released
 * with the transaction.
 */
async function atomically<T>(db: Kysely<any>, fn: (trx: Kysely<any>) => Promise<T>): Promise<T> {
  if (engineOf(db) === 'postgres') {
    return db.transaction().execute(async (trx) => {
      await lockTransaction(trx, 'migrate');
      return fn(trx);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    let result: T;
    try {
      result = await fn(conn);
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw err;
    }
    await sql`commit`.execute(conn);
    return result;
  });
}
