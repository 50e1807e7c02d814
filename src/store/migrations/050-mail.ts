/**
 * @module E-mail alerts and newsletters (owned by `src/app/mail`): subscribers (no account: an address,
 * its languages, what it follows, instant or weekly), one row a follow, the outbox every message goes
 * through (queued in the transaction that causes it, claimed by a worker under a lease, marked sent
 * once), flood counters for the subscribe form, and newsletter issues. The HMAC secret that signs
 * subscribers' links is made here, once, so every server on one database signs alike.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The address as mail is sent to it (domain in ASCII); `email_key` (lower case) is the identity.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | active | unsubscribed | bounced
    .addColumn('ui_lang', 'text', (c) => c.notNull())
    .addColumn('langs', 'text', (c) => c.notNull()) // comma-separated content languages
    .addColumn('frequency', 'text', (c) => c.notNull()) // instant | weekly
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('stopped_reason', 'text')
    .execute();
  await db.schema.createIndex('mail_subscribers_status').on('mail_subscribers').column('status').execute();

  await db.schema
    .createTable('mail_follows')
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('mail_subscribers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // all | topic | region | expert | series | search
    .addColumn('ref', 'text', (c) => c.notNull()) // term id, expert id, series name, query ('' for all)
    .addPrimaryKeyConstraint('mail_follows_pk', ['subscriber_id', 'kind', 'ref'])
    .execute();
  await db.schema.createIndex('mail_follows_ref').on('mail_follows').columns(['kind', 'ref']).execute();

  await db.schema
    .createTable('mail_outbox')
    // Deterministic where it can be (kind:subscriber:article), so queueing twice is a no-op.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // confirm | known | alert | digest | newsletter
    .addColumn('subscriber_id', 'text', (c) => c.references('mail_subscribers.id').onDelete('cascade'))
    .addColumn('to_address', 'text')
    .addColumn('article_id', 'text')
    .addColumn('issue_id', 'text')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // queued | sending | sent | failed | cancelled
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('mail_outbox_subscriber').on('mail_outbox').columns(['subscriber_id', 'article_id']).execute();

  await db.schema
    .createTable('mail_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mail_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('article_ids', 'text', (c) => c.notNull()) // JSON array, in the editor's order
    .addColumn('status', 'text', (c) => c.notNull()) // draft | scheduled | sent
    .addColumn('send_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('recipients', 'integer')
    .execute();

  await db.insertInto('meta').values({ key: 'mail_secret', value: randomBytes(32).toString('base64url') }).execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
