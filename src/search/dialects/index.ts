/** @module The search dialect of a store's engine: the only place that chooses between them. */
import type { Store } from '../../store/index.ts';
import type { SearchDialect } from './dialect.ts';
import { postgresSearch } from './postgres.ts';
import { sqliteSearch } from './sqlite.ts';

export type { SearchDialect, TagFilter } from './dialect.ts';

/** `dialectOf(store)` → the SQLite (FTS5) or PostgreSQL (tsvector) implementation. */
export function dialectOf(store: Store): SearchDialect {
  return store.engine === 'postgres' ? postgresSearch : sqliteSearch;
}
