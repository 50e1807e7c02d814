/**
 * @module Translations kept in step with their source (owned by `src/app/editorial/translation-sync.ts`):
 * one row a translation naming its source article, the source's version it was made from, and a copy of
 * the source as it read then, so the source's changes since can be shown as a diff and the translation
 * marked outdated. Either article's deletion drops the row.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translation_sources')
    .addColumn('translation_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('source_version', 'integer', (c) => c.notNull())
    .addColumn('source_doc', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema.createIndex('translation_sources_source').on('translation_sources').column('source_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
