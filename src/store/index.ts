/**
 * @module store: Mizan's database. `openStore` picks the engine (SQLite file by default, PostgreSQL when a
 * URL is given), migrates it forward and returns the Store.
 *
 * @example
 * const store = await openStore({ db: './data/mizan.db' });
 * await store.putArticle(article);   // → { id, status: 'created' }
 */
import { Kysely } from 'kysely';
import { DatabaseRefusedError } from '../lib/index.ts';
import { postgresDialect, sqliteDialect } from './dialects/index.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

export type * from './store.ts';
export type * from './schema.ts';
export { migrate } from './migrate.ts';
export { engineOf } from './dialects/index.ts';
export { MIGRATIONS } from './migrations/index.ts';
export { withRetry, isTransient } from './retry.ts';
export { chunksOf, SQL_VALUES } from './chunks.ts';
export { describeTables, withoutTriggers, resetSequences, type TableInfo } from './dialects/catalog.ts';

export const DEFAULT_DB_FILE = './data/mizan.db';

export interface OpenOptions {
  /** SQLite file (wins over `url`). */
  db?: string;
  /** PostgreSQL connection string. */
  url?: string;
  /** PostgreSQL schema to work in (tests isolate themselves this way). */
  schema?: string;
  /** Migrate on open (default true). */
  migrate?: boolean;
}

/** Where the CLI's settings point: `--db` wins over DATABASE_URL, which wins over the default file. */
export function storeTarget(opts: { db?: string }, env: NodeJS.ProcessEnv = process.env): OpenOptions {
  if (opts.db) return { db: opts.db };
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { db: DEFAULT_DB_FILE };
}

/**
 * The schema a URL's `options=-c search_path=NAME` selects, so that the migrator looks for its
 * bookkeeping there: `postgres://h/db?options=-c%20search_path%3Dsite2` → `'site2'`.
 */
function schemaInUrl(url: string): string | undefined {
  try {
    const options = new URL(url).searchParams.get('options') ?? '';
    return /(?:^|\s)search_path=([A-Za-z_][A-Za-z0-9_]*)(?:\s|$)/.exec(options)?.[1];
  } catch {
    return undefined;
  }
}

/** Opens (and by default migrates) the database; refuses a corrupt or newer one without touching it. */
export async function openStore(opts: OpenOptions = {}): Promise<SqlStore & Store> {
  let store: SqlStore;
  if (opts.db || !opts.url) {
    const file = opts.db ?? DEFAULT_DB_FILE;
    const { dialect, raw } = sqliteDialect(file);
    const db = new Kysely<Database>({ dialect });
    store = new SqlStore(db, 'sqlite', async () => {
      await db.destroy();
      if (raw.open) raw.close();
    });
  } else {
    opts = { ...opts, schema: opts.schema ?? schemaInUrl(opts.url) };
    const { dialect } = postgresDialect(opts.url!, opts.schema);
    const db = new Kysely<Database>({ dialect });
    store = new SqlStore(db, 'postgres', () => db.destroy());
    try {
      await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    } catch (err) {
      await db.destroy().catch(() => {});
      throw new DatabaseRefusedError(`cannot connect to PostgreSQL: ${(err as Error).message}`, err);
    }
  }
  if (opts.migrate !== false) {
    try {
      await migrate(store.db, { schema: opts.url && !opts.db ? opts.schema : undefined });
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
