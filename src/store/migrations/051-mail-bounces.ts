/**
 * @module Bounces (owned by `src/app/mail`): every refusal a message met, told at once by the SMTP
 * server (a 5xx or 4xx answer) or later by a delivery status notification fed to `mizan mail bounce`.
 * Hard ones stop mail to the address at once; soft ones are counted, and stop it when they keep coming.
 * Kept by the address's key so a deleted subscriber's bounces can be deleted with them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_bounces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // hard | soft
    .addColumn('source', 'text', (c) => c.notNull()) // smtp | dsn
    .addColumn('status', 'text') // the enhanced status code (5.1.1) or the reply code (550)
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_bounces_key').on('mail_bounces').columns(['email_key', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
