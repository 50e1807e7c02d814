/**
 * @module Review notices by e-mail (owned by `src/app/mail` and `src/app/editorial/outbox.ts`). Mail
 * gets a priority: transactional messages (a subscription to confirm, a piece awaiting review) are
 * claimed before list mail, so a reviewer's notice never waits behind ten thousand alerts. A review
 * notice keeps what it says (title, sender, new piece or change) in `detail`. An account remembers its
 * interface language, so its notices are written in it. The old `outbox` table (migration 041) is no
 * longer written; it stays, unchanged, as the record of notices queued before mail could send them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('mail_outbox').addColumn('detail', 'text').execute();
  await sql`update mail_outbox set priority = 0 where kind in ('confirm', 'known')`.execute(db);
  await db.schema.createIndex('mail_outbox_claim').on('mail_outbox').columns(['status', 'priority', 'due_at']).execute();
  await db.schema.alterTable('users').addColumn('ui_lang', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
