/**
 * @module Brings a database to the current schema, forward only. A database that has run migrations
 * this Mizan does not know was written by a newer version and is refused before anything is written.
 */
import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { DatabaseRefusedError } from '../lib/index.ts';
import { MIGRATIONS } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

async function executedMigrations(db: Kysely<any>, schema?: string): Promise<string[] | null> {
  const opts = { schema };
  try {
    const table = opts.schema ? sql.table(`${opts.schema}.kysely_migration`) : sql.table('kysely_migration');
    const rows = await sql<{ name: string }>`select name from ${table}`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return null; // no migration table yet: a new database
  }
}

export interface MigrateResult {
  applied: string[];
}

/** Applies every pending migration; throws DatabaseRefusedError for a newer or corrupt database. */
export async function migrate(db: Kysely<any>, opts: { schema?: string } = {}): Promise<MigrateResult> {
  const done = await executedMigrations(db, opts.schema);
  const unknown = (done ?? []).filter((name) => !(name in MIGRATIONS));
  if (unknown.length) {
    throw new DatabaseRefusedError(
      `the database was written by a newer Mizan (it has migration ${unknown.join(', ')} that this version does not know); upgrade Mizan instead`,
    );
  }
  // Kysely finds its bookkeeping tables by introspection across schemas: name ours, or another schema's tables fool it.
  const migrator = new Migrator({ db, provider, ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
    if (attempt < MIGRATE_ATTEMPTS && droppedMeanwhile(error)) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    throw new DatabaseRefusedError(`migrating the database failed: ${(error as Error).message}`, error);
  }
}

const MIGRATE_ATTEMPTS = 8;

/**
 * On PostgreSQL, Kysely looks for its bookkeeping tables by listing every table of every schema, with
 * `pg_get_serial_sequence` on each: a table another connection drops meanwhile (another database in
 * the same server, a test schema cleaned up) fails that listing with 42P01 (or 3F000 when the whole
 * schema went), before any migration has run. Each migration runs in a transaction, so trying again is safe.
 */
function droppedMeanwhile(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '42P01' || code === '3F000';
}
