/**
 * @module Review notices: when an article (or a change to a published one) is sent for review, one
 * e-mail to every account that may publish, queued in the mail layer's outbox in the same transaction
 * as the state change, so a notice exists exactly when the step happened. The worker writes each one
 * in the reviewer's interface language (the institute's default for an account that never chose one)
 * when it sends it, ahead of any list mail, and sends nothing once the piece has left review. The
 * admin's /admin/outbox lists these messages and where each one stands (docs/mail.md).
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/index.ts';
import { edb } from '../accounts/tables.ts';
import { can } from '../accounts/permissions.ts';
import { mdb, PRIORITY, type OutboxStatus } from '../mail/tables.ts';
import { reviewPath, type ReviewDetail } from '../mail/compose.ts';
import { mt } from '../mail/mail-i18n.ts';

export interface OutboxMessage {
  id: string;
  kind: string;
  recipient: string;
  /** The reviewer's language; '' when the institute's default applies. */
  lang: string;
  subject: string;
  link: string;
  createdAt: string;
  status: OutboxStatus;
  sentAt: string | null;
  error: string | null;
}

/**
 * Queues a review notice for every active account that may publish, except the sender; returns how
 * many. A notice still waiting for the same article and reviewer is replaced (sent back and submitted
 * again: one mail, about the latest).
 *
 * @example await notifyReviewers(tx, { articleId, title: 'عنوان', by: 'a@example.org', byId: 'u1', change: true }) // → 2
 */
export async function notifyReviewers(tx: Store, input: { articleId: string; title: string; by: string; byId?: string | null; change: boolean }, now = new Date()): Promise<number> {
  const users = await edb(tx).selectFrom('users').select(['id', 'email', 'role', 'disabled', 'ui_lang']).execute();
  const by = input.by.toLowerCase();
  const reviewers = users.filter((u) => !u.disabled && can(u.role, 'article.publish') && u.id !== input.byId && u.email.toLowerCase() !== by);
  if (!reviewers.length) return 0;
  const stamp = now.toISOString();
  await mdb(tx)
    .updateTable('mail_outbox')
    .set({ status: 'cancelled', last_error: 'sent for review again: a newer notice replaces this one' })
    .where('kind', '=', 'review')
    .where('article_id', '=', input.articleId)
    .where('status', '=', 'queued')
    .execute();
  const detail: ReviewDetail = { title: input.title, by: input.by, change: input.change };
  await mdb(tx)
    .insertInto('mail_outbox')
    .values(
      reviewers.map((r) => {
        const id = randomBytes(8).toString('hex');
        return {
          id: `review:${id}`,
          kind: 'review' as const,
          subscriber_id: null,
          to_address: r.email,
          article_id: input.articleId,
          issue_id: null,
          lang: r.ui_lang ?? '',
          message_id: `review.${id}`,
          priority: PRIORITY.transactional,
          detail: JSON.stringify(detail),
          status: 'queued' as const,
          attempts: 0,
          due_at: stamp,
          lease_owner: null,
          lease_until: null,
          last_error: null,
          created_at: stamp,
          sent_at: null,
        };
      }),
    )
    .execute();
  return reviewers.length;
}

/**
 * The review notices, newest first, each with its subject in `lang` (the admin's language) and its
 * state in the mail queue.
 *
 * @example (await listOutbox(store, { lang: 'ar' }))[0].status // → 'sent'
 */
export async function listOutbox(store: Store, opts: { limit?: number; offset?: number; lang?: string } = {}): Promise<OutboxMessage[]> {
  const rows = await mdb(store)
    .selectFrom('mail_outbox')
    .select(['id', 'kind', 'to_address', 'lang', 'article_id', 'detail', 'created_at', 'status', 'sent_at', 'last_error'])
    .where('kind', '=', 'review')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0)
    .execute();
  const lang = opts.lang ?? 'ar';
  return rows.map((r) => {
    const d = JSON.parse(r.detail ?? '{}') as Partial<ReviewDetail>;
    return {
      id: r.id,
      kind: r.kind,
      recipient: r.to_address ?? '',
      lang: r.lang,
      subject: mt(lang, d.change ? 'review.subjectChange' : 'review.subject', { title: d.title ?? '' }),
      link: reviewPath(r.article_id ?? ''),
      createdAt: r.created_at,
      status: r.status,
      sentAt: r.sent_at,
      error: r.last_error,
    };
  });
}
