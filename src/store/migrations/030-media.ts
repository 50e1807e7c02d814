/**
 * @module Media (owned by `src/app/media`): each file stored once under the SHA-256 of the bytes it was
 * given (`media`, holding a cleaned master copy: rotated, metadata stripped, at most 2400 px), and the
 * responsive variants made from it on first request (`media_variant`: one row per format and width). The
 * bytes live in the database, so a backup of the tables is a backup of the media.
 */
import type { Kysely } from 'kysely';
import { engineOf } from '../dialects/index.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const blob = engineOf(db) === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('media')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('media_variant')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('media_variant_pk', ['hash', 'format', 'width'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_variant').execute();
  await db.schema.dropTable('media').execute();
}
