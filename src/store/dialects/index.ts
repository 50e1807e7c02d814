/** @module Which engine a Kysely instance runs on, for the few statements that differ. */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Engine } from '../store.ts';

/** `engineOf(db)` → `'postgres'` for a pg-backed instance, else `'sqlite'`. */
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export { sqliteDialect } from './sqlite.ts';
export { postgresDialect, listenPostgres, type ChangeHandlers, type ChangeListener } from './postgres.ts';
