/**
 * @module The outbox: messages owed to people, recorded in the same transaction as the act that owes
 * them (an article sent for review tells every account that may publish). The mail layer delivers them
 * and marks them sent; until it exists the admin shows them at /admin/outbox. An account's interface
 * language is a cookie, not known here, so each message carries both: Arabic first, then English.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../../store/index.ts';
import { edb } from '../accounts/tables.ts';
import { can } from '../accounts/permissions.ts';

export interface OutboxMessage {
  id: string;
  kind: string;
  recipient: string;
  lang: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

interface OutboxTable {
  id: string;
  kind: string;
  recipient: string;
  lang: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

function odb(store: Store): Kysely<{ outbox: OutboxTable }> {
  return store.db as unknown as Kysely<{ outbox: OutboxTable }>;
}

/**
 * Tells every active account that may publish that `title` awaits review (one message each).
 * Returns how many were recorded.
 *
 * @example await notifyReviewers(tx, { articleId, title: 'عنوان', by: 'a@example.org', change: true }) // → 2
 */
export async function notifyReviewers(tx: Store, input: { articleId: string; title: string; by: string; change: boolean }): Promise<number> {
  const users = await edb(tx).selectFrom('users').select(['email', 'role', 'disabled']).execute();
  const reviewers = users.filter((u) => !u.disabled && can(u.role, 'article.publish') && u.email !== input.by);
  const link = `/admin/articles/${input.articleId}`;
  const subject = input.change ? `تعديل بانتظار المراجعة: ${input.title} · Change awaiting review` : `مقالة بانتظار المراجعة: ${input.title} · Article awaiting review`;
  const body = [
    input.change
      ? `أرسل ${input.by} تعديلاً على مقالة منشورة للمراجعة: «${input.title}». تبقى النسخة المنشورة كما هي حتى توافق على التعديل.`
      : `أرسل ${input.by} مقالة للمراجعة: «${input.title}».`,
    `${link}`,
    '',
    input.change
      ? `${input.by} sent a change to a published article for review: “${input.title}”. The published version stays live until you approve it.`
      : `${input.by} sent an article for review: “${input.title}”.`,
    `${link}`,
  ].join('\n');
  const now = new Date().toISOString();
  for (const r of reviewers) {
    await odb(tx)
      .insertInto('outbox')
      .values({ id: randomBytes(8).toString('hex'), kind: 'review-request', recipient: r.email, lang: 'ar', subject, body, link, created_at: now, sent_at: null, error: null })
      .execute();
  }
  return reviewers.length;
}

/** The newest messages first. */
export async function listOutbox(store: Store, opts: { limit?: number; offset?: number } = {}): Promise<OutboxMessage[]> {
  const rows = await odb(store)
    .selectFrom('outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, recipient: r.recipient, lang: r.lang, subject: r.subject, body: r.body, link: r.link, createdAt: r.created_at, sentAt: r.sent_at, error: r.error }));
}
