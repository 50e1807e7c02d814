/**
 * @module Site settings (owned by `src/app/site`): what an admin changes of the institute's identity
 * (names, taglines, contact, social links, menus, footer, colours) over the configuration file's
 * defaults. One row per top-level setting, its value as JSON; a setting without a row follows the file.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_settings').execute();
}
