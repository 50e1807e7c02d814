/**
 * @module The change log: one row per content write, naming what it touched as cache tags
 * (`article:<id>`, `term:<id>`, `expert:<id>`, `list:<lang>`, or `*` for "anything"). Every server reads it
 * to drop exactly the cached pages a write made stale — at once when PostgreSQL notifies it, and from
 * where it left off after a lost connection, since notifications are not replayed. Old rows are pruned.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../dialects/index.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = engineOf(db) === 'postgres';
  await sql`create table content_changes (
    id ${sql.raw(pg ? 'bigserial primary key' : 'integer primary key autoincrement')},
    at text not null,
    tags text not null
  )`.execute(db);
}
