/** @module The newsletter pages of the editors' side: the list of issues (and subscriber tools), and one issue's editor. */
import type { Issue, MailStatus } from '../../../app/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from '../admin-layout.tsx';
import { nt, type NewsletterKey } from './newsletter-i18n.ts';

export interface ArticleChoice {
  id: string;
  title: string;
  lang: string;
  published: string | null;
}

/** An instant as the institute's wall clock reads it, in the admin's language. */
function localTime(iso: string, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** What the outbox is doing: counts, the next digest, messages in doubt, addresses that bounced (personal data: managers only). */
function Delivery(props: { lang: string; status: MailStatus; canManageSubscribers: boolean }) {
  const { lang, status: s } = props;
  return (
    <section aria-labelledby="delivery-h">
      <h2 id="delivery-h">{nt(lang, 'delivery')}</h2>
      <p>{Object.entries(s.outbox).map(([k, v]) => `${nt(lang, `outbox.${k}` as NewsletterKey) || k}: ${v}`).join(' · ') || nt(lang, 'outbox.empty')}</p>
      <p>{nt(lang, 'digestNext', { at: localTime(s.digest.next, s.digest.timeZone, lang), zone: s.digest.timeZone, n: s.digest.waiting })}</p>
      {s.inDoubt.length ? (
        <>
          <h3>{nt(lang, 'inDoubt', { n: s.inDoubt.length })}</h3>
          <p class="hint">{nt(lang, 'inDoubtHint')}</p>
          <ul>
            {s.inDoubt.map((d) => (
              <li>
                <code dir="ltr">{d.id}</code>
                {props.canManageSubscribers && d.to ? <> — <span dir="ltr">{d.to}</span></> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.canManageSubscribers && s.bounced.length ? (
        <>
          <h3>{nt(lang, 'bounced')}</h3>
          <table>
            <thead>
              <tr>
                <th>{nt(lang, 'deleteEmail')}</th>
                <th>{nt(lang, 'since')}</th>
                <th>{nt(lang, 'reason')}</th>
              </tr>
            </thead>
            <tbody>
              {s.bounced.map((b) => (
                <tr>
                  <td dir="ltr">{b.email}</td>
                  <td>{localTime(b.at, s.digest.timeZone, lang)}</td>
                  <td dir="ltr">{b.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

export function IssueListPage(props: { lang: string; user: AdminUser; issues: Issue[]; counts: Record<string, number>; delivery?: MailStatus; canManageSubscribers: boolean; flash?: Flash }) {
  const { lang, user } = props;
  return (
    <AdminLayout lang={lang} title={nt(lang, 'title')} user={user} flash={props.flash}>
      <h1>{nt(lang, 'title')}</h1>
      <p>
        <a href="/admin/newsletters/new">{nt(lang, 'new')}</a>
      </p>
      {props.issues.length ? (
        <table>
          <thead>
            <tr>
              <th>{nt(lang, 'subject')}</th>
              <th>{nt(lang, 'lang')}</th>
              <th>{nt(lang, 'status')}</th>
              <th>{nt(lang, 'recipients')}</th>
            </tr>
          </thead>
          <tbody>
            {props.issues.map((i) => (
              <tr>
                <td dir="auto">
                  <a href={`/admin/newsletters/${i.id}`}>{i.subject}</a>
                </td>
                <td>{i.lang}</td>
                <td>
                  {i.status}
                  {i.status === 'scheduled' ? (
                    <>
                      {' '}
                      <bdi dir="ltr">{i.sendAt}</bdi>
                    </>
                  ) : null}
                </td>
                <td>{i.recipients ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="hint">{nt(lang, 'none')}</p>
      )}
      <h2>{nt(lang, 'subscribers')}</h2>
      <p>{Object.entries(props.counts).map(([k, v]) => `${k}: ${v}`).join(' · ') || '0'}</p>
      {props.delivery ? <Delivery lang={lang} status={props.delivery} canManageSubscribers={props.canManageSubscribers} /> : null}
      {props.canManageSubscribers ? (
        <>
          <p>
            <a href="/admin/subscribers.csv">{nt(lang, 'export')}</a>
          </p>
          <form method="post" action="/admin/subscribers/delete">
            <CsrfField token={user.csrf} />
            <label for="del-email">{nt(lang, 'delete')}</label>
            <input id="del-email" type="email" name="email" required dir="ltr" />
            <button type="submit">{nt(lang, 'delete')}</button>
          </form>
        </>
      ) : null}
    </AdminLayout>
  );
}

export function IssueEditPage(props: { lang: string; user: AdminUser; issue?: Issue; articles: ArticleChoice[]; flash?: Flash }) {
  const { lang, user, issue } = props;
  const chosen = new Set(issue?.articleIds ?? []);
  const action = issue ? `/admin/newsletters/${issue.id}` : '/admin/newsletters/new';
  const sent = issue?.status === 'sent';
  return (
    <AdminLayout lang={lang} title={issue?.subject ?? nt(lang, 'new')} user={user} flash={props.flash}>
      <h1 dir="auto">{issue?.subject ?? nt(lang, 'new')}</h1>
      <form method="post" action={action}>
        <CsrfField token={user.csrf} />
        <label for="nl-lang">{nt(lang, 'lang')}</label>
        <select id="nl-lang" name="lang" disabled={sent}>
          {['ar', 'en'].map((l) => (
            <option value={l} selected={(issue?.lang ?? lang) === l}>
              {l === 'ar' ? 'العربية' : 'English'}
            </option>
          ))}
        </select>
        <label for="nl-subject">{nt(lang, 'subject')}</label>
        <input id="nl-subject" name="subject" required maxlength={200} value={issue?.subject ?? ''} dir="auto" disabled={sent} />
        <label for="nl-lead">{nt(lang, 'lead')}</label>
        <textarea id="nl-lead" name="lead" rows={8} dir="auto" disabled={sent}>
          {issue?.lead ?? ''}
        </textarea>
        <fieldset>
          <legend>{nt(lang, 'articles')}</legend>
          {props.articles.map((a) => (
            <label style="display:block">
              <input type="checkbox" name="articles" value={a.id} checked={chosen.has(a.id)} disabled={sent} />{' '}
              <span dir="auto" lang={a.lang}>
                {a.title}
              </span>{' '}
              <span class="hint">
                {a.lang} {a.published ? <bdi dir="ltr">{a.published}</bdi> : null}
              </span>
            </label>
          ))}
        </fieldset>
        {sent ? null : (
          <p>
            <button type="submit">{nt(lang, 'save')}</button>
          </p>
        )}
      </form>
      {issue ? (
        <section>
          <p>
            {nt(lang, 'preview')}:{' '}
            <a href={`/admin/newsletters/${issue.id}/preview?lang=ar`} target="_blank">
              العربية
            </a>{' '}
            ·{' '}
            <a href={`/admin/newsletters/${issue.id}/preview?lang=en`} target="_blank">
              English
            </a>
          </p>
          <form method="post" action={`/admin/newsletters/${issue.id}/test`}>
            <CsrfField token={user.csrf} />
            <button type="submit">{nt(lang, 'test', { email: user.email })}</button>
          </form>
          {sent ? null : (
            <>
              <form method="post" action={`/admin/newsletters/${issue.id}/send`}>
                <CsrfField token={user.csrf} />
                <button type="submit" name="do" value="now">
                  {nt(lang, 'sendNow')}
                </button>
              </form>
              <form method="post" action={`/admin/newsletters/${issue.id}/send`}>
                <CsrfField token={user.csrf} />
                <label for="nl-at">{nt(lang, 'at')}</label>
                <input id="nl-at" type="datetime-local" name="at" required />
                <button type="submit" name="do" value="schedule">
                  {nt(lang, 'schedule')}
                </button>
              </form>
            </>
          )}
        </section>
      ) : null}
    </AdminLayout>
  );
}
