/**
 * @module An expert's photo (owned by `src/app/media`): one stored image per expert, shown on the
 * expert's page, the experts index and bylines.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('expert_photos')
    .addColumn('expert_id', 'text', (c) => c.primaryKey().references('experts.id').onDelete('cascade'))
    .addColumn('hash', 'text', (c) => c.notNull().references('media.hash'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('expert_photos').execute();
}
