/**
 * @module Review on the editors' side: the panel an edit page shows while a change to a published
 * article waits (its state, and the steps the account may take), the review queue (new articles in
 * review, changes to published ones), and the outbox of notices owed to reviewers.
 */
import type { AdminRow, OutboxMessage, PendingChange } from '../../../app/index.ts';
import { LANGS } from '../../../model/index.ts';
import { AdminLayout, CsrfField, type AdminUser } from '../admin-layout.tsx';
import { at } from '../admin-i18n.ts';
import { et, type EditorKey } from './editor-i18n.ts';
import { formatWhen } from './edit-extras.ts';

export function PendingPanel(props: { lang: string; csrf: string; id: string; pending: PendingChange; canPublish: boolean; revision?: number }) {
  const { lang, pending, id } = props;
  const base = `/admin/articles/${id}/change`;
  const step = (what: string, label: string, cls?: string) => (
    <form method="post" action={`${base}/${what}`} class="inline">
      <CsrfField token={props.csrf} />
      <button type="submit" class={cls}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="panel pending" role="status">
      <p>
        <strong>{et(lang, 'review.pending')}</strong>
      </p>
      <p class="hint">{et(lang, pending.status === 'review' ? 'review.pendingReview' : 'review.pendingDraft', { who: pending.userEmail ?? '—', when: formatWhen(pending.updatedAt, lang) })}</p>
      <p class="actions">
        {pending.status === 'draft' ? step('submit', et(lang, 'review.submit')) : null}{' '}
        {props.canPublish ? step('approve', et(lang, 'review.approve')) : null}{' '}
        {step('discard', et(lang, 'review.discard'), 'secondary')}{' '}
        <a href={`/admin/articles/${id}/revisions`}>{et(lang, 'review.compare')}</a>
      </p>
    </div>
  );
}

export function ReviewQueuePage(props: { lang: string; user: AdminUser; articles: AdminRow[]; changes: (PendingChange & { title: string; lang: string })[] }) {
  const { lang, user } = props;
  return (
    <AdminLayout lang={lang} title={et(lang, 'review.title')} user={user}>
      <h1>{et(lang, 'review.title')}</h1>
      <h2>{et(lang, 'review.changes')}</h2>
      {props.changes.length ? (
        <ul class="queue">
          {props.changes.map((c) => (
            <li>
              <a href={`/admin/articles/${c.articleId}`} lang={c.lang} dir="auto">
                {c.title}
              </a>{' '}
              <span class={`status status-${c.status === 'review' ? 'review' : 'draft'}`}>{at(lang, c.status === 'review' ? 'status.review' : 'status.draft')}</span>{' '}
              <span class="hint">{et(lang, 'review.by', { who: c.userEmail ?? '—', when: formatWhen(c.updatedAt, lang) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{et(lang, 'review.none')}</p>
      )}
      <h2>{et(lang, 'review.articles')}</h2>
      {props.articles.length ? (
        <ul class="queue">
          {props.articles.map((r) => (
            <li>
              <a href={`/admin/articles/${r.id}`} lang={r.lang} dir="auto">
                {r.title}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{et(lang, 'review.none')}</p>
      )}
    </AdminLayout>
  );
}

/** Each state of the mail queue, as the outbox page names it. */
const STATE_KEYS: Record<string, EditorKey> = {
  queued: 'outbox.waiting',
  sending: 'outbox.sending',
  handed: 'outbox.sending',
  sent: 'outbox.sent',
  failed: 'outbox.failed',
  cancelled: 'outbox.cancelled',
  unknown: 'outbox.unknown',
};

export function OutboxPage(props: { lang: string; user: AdminUser; messages: OutboxMessage[] }) {
  const { lang, user } = props;
  return (
    <AdminLayout lang={lang} title={et(lang, 'outbox.title')} user={user}>
      <h1>{et(lang, 'outbox.title')}</h1>
      <p class="hint">{et(lang, 'outbox.hint')}</p>
      {props.messages.length ? (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{et(lang, 'outbox.to')}</th>
                <th scope="col">{et(lang, 'outbox.subject')}</th>
                <th scope="col">{et(lang, 'outbox.when')}</th>
                <th scope="col">{et(lang, 'outbox.lang')}</th>
                <th scope="col">{et(lang, 'outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {props.messages.map((m) => (
                <tr>
                  <td>
                    <bdi>{m.recipient}</bdi>
                  </td>
                  <td dir="auto">
                    {m.link ? <a href={m.link}>{m.subject}</a> : m.subject}
                  </td>
                  <td>{formatWhen(m.createdAt, lang)}</td>
                  <td>{m.lang ? <span lang={m.lang}>{LANGS[m.lang]?.name ?? m.lang}</span> : et(lang, 'outbox.defaultLang')}</td>
                  <td title={m.error ?? undefined}>{et(lang, STATE_KEYS[m.status] ?? 'outbox.waiting')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="hint">{et(lang, 'outbox.none')}</p>
      )}
    </AdminLayout>
  );
}
