/**
 * @module The state an import left an article in (owned by `src/app/import-guard.ts`): its status and
 * scheduled time as one text, `published` or `scheduled 2025-05-01T09:00:00.000Z`. An editor who
 * unpublishes or schedules an article changes no text, so the document hash of migration 081 cannot see
 * it; a re-import compares this too. Null on marks left before it existed (only the hash counts there).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_marks').addColumn('state', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
