/**
 * @module The mail tables (created by store migration 050-mail) as Kysely sees them, and the typed view
 * of the store's database that reaches them.
 */
import type { Generated, Kysely } from 'kysely';
import type { Database, Store } from '../../store/index.ts';

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed' | 'bounced';
export type Frequency = 'instant' | 'weekly';
export type FollowKind = 'all' | 'topic' | 'region' | 'expert' | 'series' | 'search';
export type MailKind = 'confirm' | 'known' | 'review' | 'alert' | 'digest' | 'newsletter';

/** Claim order (lowest first): mail someone is waiting for, then list mail (migration 135). */
export const PRIORITY = { transactional: 0, list: 1 } as const;
export type OutboxStatus = 'queued' | 'sending' | 'handed' | 'sent' | 'failed' | 'cancelled' | 'unknown';

export interface MailSubscribersTable {
  id: string;
  email: string;
  email_key: string;
  status: SubscriberStatus;
  ui_lang: string;
  langs: string;
  frequency: Frequency;
  token_version: number;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  stopped_reason: string | null;
}

export interface MailFollowsTable {
  subscriber_id: string;
  kind: FollowKind;
  ref: string;
}

export interface MailOutboxTable {
  id: string;
  kind: MailKind;
  subscriber_id: string | null;
  to_address: string | null;
  article_id: string | null;
  issue_id: string | null;
  lang: string;
  message_id: string;
  status: OutboxStatus;
  attempts: number;
  due_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** 0 transactional (confirm, known, review), 1 list mail (the column's default). */
  priority: Generated<number>;
  /** What a review notice says, as JSON (ReviewDetail); null for other kinds. */
  detail: string | null;
}

export interface MailThrottleTable {
  key: string;
  count: number;
  window_start: string;
}

export interface MailIssuesTable {
  id: string;
  lang: string;
  subject: string;
  lead: string;
  article_ids: string;
  status: 'draft' | 'scheduled' | 'sent';
  send_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  recipients: number | null;
}

export interface MailBouncesTable {
  id: string;
  email_key: string;
  kind: 'hard' | 'soft';
  source: 'smtp' | 'dsn' | 'hook';
  status: string | null;
  detail: string;
  message_id: string | null;
  at: string;
}

export interface MailTables {
  mail_bounces: MailBouncesTable;
  mail_subscribers: MailSubscribersTable;
  mail_follows: MailFollowsTable;
  mail_outbox: MailOutboxTable;
  mail_throttle: MailThrottleTable;
  mail_issues: MailIssuesTable;
}

export type MailDb = Kysely<Database & MailTables>;

/** The store's database with the mail tables typed. */
export function mdb(store: Store): MailDb {
  return store.db as unknown as MailDb;
}
