/**
 * @module What the last import of each article left (owned by `src/app/import-guard.ts`): the file it came
 * from and a hash of the stored article then. A re-import finds an article whose stored text no longer
 * has that hash edited on the editors' side since, and refuses to overwrite it unless forced.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_marks')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('doc_hash', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
