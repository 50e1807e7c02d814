/**
 * @module The results of `mizan sources check` (owned by `src/app/check-sources.ts`): one row a source
 * address, with what the last check found (ok, redirected, broken), the HTTP status, where a redirect
 * led, and when it was checked.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('source_check')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('final_url', 'text')
    .addColumn('error', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('source_check_status').on('source_check').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('source_check').execute();
}
