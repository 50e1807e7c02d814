/**
 * @module The editor's autosave slots (owned by `src/app/editorial/autosave.ts`): one row per article
 * and account (`new` for an article not yet created), holding the whole form as the writer left it and
 * the version it was loaded at. Separate from revisions: an autosave is never content, only recovery.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('editor_autosave')
    .addColumn('article_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('base_version', 'integer')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('editor_autosave_pk', ['article_key', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('editor_autosave').execute();
}
