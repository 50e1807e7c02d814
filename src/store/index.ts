/**
 * @module store: Mizan's database. `openStore` picks the engine (SQLite file by default, PostgreSQL when a
 * URL is given), migrates it forward and returns the Store.
 *
 * @example
 * const store = await openStore({ db: './data/mizan.db' });
 * await store.putArticle(article);   // → { id, status: 'created' }
 */
import { Kysely, type LogConfig } from 'kysely';
import { DatabaseRefusedError, MizanError } from '../lib/index.ts';
import { sqliteDialect, type ChangeHandlers, type ChangeListener } from './dialects/index.ts';
import { CHANGE_CHANNEL } from './sql-store.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export type * from './store.ts';
export type * from './schema.ts';
export { migrate } from './migrate.ts';
export { engineOf } from './dialects/index.ts';
export { MIGRATIONS } from './migrations/index.ts';
export { withRetry, isTransient, isReadOnlyRefusal } from './retry.ts';
export { chunksOf, SQL_VALUES } from './chunks.ts';
export { insertRows, type ElementType } from './dialects/insert-rows.ts';
export { CHANGE_CHANNEL, summaryOfRow, summarySelection } from './sql-store.ts';
export { describeTables, withoutTriggers, resetSequences, type TableInfo } from './dialects/catalog.ts';
export { lockTransaction } from './dialects/transaction-lock.ts';

export const DEFAULT_DB_FILE = './data/mizan.db';

export interface OpenOptions {
  /** SQLite file (wins over `url`). */
  db?: string;
  /** PostgreSQL connection string. */
  url?: string;
  /** PostgreSQL schema to work in (tests isolate themselves this way). */
  schema?: string;
  /**
   * Make a missing SQLite file, and its folder (default true). `false` refuses a file that does not
   * exist with a NoDatabaseError and creates nothing: for whatever only reads or reworks a database.
   */
  create?: boolean;
  /** Migrate on open (default true). */
  migrate?: boolean;
  /**
   * Open for reading only, never migrating (a search worker beside the server that opened it): a
   * SQLite file must exist and is opened read-only; on PostgreSQL the session is read-only.
   */
  readOnly?: boolean;
  /** Told of every query once it ran, with its time: the server's slow-query log and its metrics. */
  onQuery?: (query: QueryEvent) => void;
}

/** One query the store ran: its SQL (parameters left out), how long it took, whether it failed. */
export interface QueryEvent {
  sql: string;
  ms: number;
  failed: boolean;
}

/** The connections of a PostgreSQL store's pool: open, idle, and callers waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

const pools = new WeakMap<object, () => PoolStats>();
const listeners = new WeakMap<object, (h: ChangeHandlers) => Promise<ChangeListener>>();

export type { ChangeHandlers, ChangeListener };

/**
 * Calls `handlers.onChange` as each change is committed by any process (PostgreSQL: LISTEN/NOTIFY on a
 * connection of its own, reconnecting). Undefined on SQLite, where there is nothing to listen to: poll
 * `changesSince` instead. Close the listener before the store.
 */
export async function listenForChanges(store: object, handlers: ChangeHandlers): Promise<ChangeListener | undefined> {
  return listeners.get(store)?.(handlers);
}

/** The pool of a store opened on PostgreSQL (undefined on SQLite: one connection, no pool). */
export function poolStats(store: object): PoolStats | undefined {
  return pools.get(store)?.();
}

function queryLog(onQuery: ((q: QueryEvent) => void) | undefined): LogConfig | undefined {
  if (!onQuery) return undefined;
  return (event) => onQuery({ sql: event.query.sql, ms: event.queryDurationMillis, failed: event.level === 'error' });
}

/** Where the CLI's settings point: `--db` wins over DATABASE_URL, which wins over the default file. */
export function storeTarget(opts: { db?: string }, env: NodeJS.ProcessEnv = process.env): OpenOptions {
  if (opts.db) return { db: opts.db };
  // MIZAN_PG_SCHEMA: Mizan's tables in a schema of their own in a shared database.
  const schema = env.MIZAN_PG_SCHEMA;
  if (schema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new MizanError('bad-schema', `MIZAN_PG_SCHEMA must be a plain PostgreSQL name (letters, digits, _), not "${schema.slice(0, 70)}"`);
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, ...(schema ? { schema } : {}) };
  return { db: DEFAULT_DB_FILE };
}

/**
 * The schema a URL's `options=-c search_path=NAME` selects, so that the migrator looks for its
 * bookkeeping there: `postgres://h/db?options=-c%20search_path%3Dsite2` → `'site2'`. Unquoted there, so
 * in lower case, as PostgreSQL reads it (`Site2` is `site2`).
 */
function schemaInUrl(url: string): string | undefined {
  try {
    const options = new URL(url).searchParams.get('options') ?? '';
    return /(?:^|\s)search_path=([A-Za-z_][A-Za-z0-9_]*)(?:\s|$)/.exec(options)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Opens (and by default migrates) the database; refuses a corrupt or newer one without touching it. */
export async function openStore(opts: OpenOptions = {}): Promise<SqlStore & Store> {
  let store: SqlStore;
  if (opts.db || !opts.url) {
    const file = opts.db ?? DEFAULT_DB_FILE;
    const { dialect, raw } = sqliteDialect(file, { readOnly: opts.readOnly, create: opts.create });
    const db = new Kysely<Database>({ dialect, log: queryLog(opts.onQuery) });
    store = new SqlStore(db, 'sqlite', async () => {
      await db.destroy();
      if (raw.open) raw.close();
    });
  } else {
    opts = { ...opts, schema: opts.schema ?? schemaInUrl(opts.url) };
    const { postgresDialect, listenPostgres, ensureSchema } = await import('./dialects/postgres.ts');
    const { dialect, pool } = postgresDialect(opts.url!, opts.schema, { readOnly: opts.readOnly });
    const db = new Kysely<Database>({ dialect, log: queryLog(opts.onQuery) });
    const listening: ChangeListener[] = [];
    store = new SqlStore(db, 'postgres', async () => {
      await Promise.all(listening.splice(0).map((l) => l.close()));
      await db.destroy();
    });
    pools.set(store, () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
    const url = opts.url!;
    listeners.set(store, async (h) => {
      const listener = await listenPostgres(url, opts.schema, CHANGE_CHANNEL, h);
      listening.push(listener);
      return listener;
    });
    try {
      await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    } catch (err) {
      await db.destroy().catch(() => {});
      throw new DatabaseRefusedError(`cannot connect to PostgreSQL: ${(err as Error).message}`, err);
    }
    // A schema of its own that does not exist yet is made before anything is created in it.
    if (opts.schema && !opts.readOnly) {
      try {
        await ensureSchema(db, opts.schema);
      } catch (err) {
        await store.close();
        throw err;
      }
    }
  }
  if (opts.migrate !== false && !opts.readOnly) {
    try {
      await migrate(store.db, { schema: opts.url && !opts.db ? opts.schema : undefined });
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
