/** @module Which engine a Kysely instance runs on, for the few statements that differ. */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Engine } from '../store.ts';

/** `engineOf(db)` → `'postgres'` for a pg-backed instance, else `'sqlite'`. */
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export { sqliteDialect } from './sqlite.ts';
// postgres.ts is imported when a PostgreSQL store is opened (store/index.ts): `pg` costs every other
// process (a CLI command, a render thread on SQLite) tens of milliseconds to load for nothing.
export type { ChangeHandlers, ChangeListener } from './postgres.ts';
