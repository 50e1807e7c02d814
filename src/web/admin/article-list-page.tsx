/**
 * @module The article list of the editors' side: every state, filterable, newest change first. Below
 * 40rem each row becomes a small card (title, then language, state and time on one line), so the list
 * fits a 360 px phone without sideways scrolling; times are the institute's, in the interface language.
 */
import { STATUSES, type AdminRow } from '../../app/index.ts';
import { LANGS } from '../../model/index.ts';
import { AdminLayout, type AdminUser, type Flash } from './admin-layout.tsx';
import { at, atIfKnown, type AdminKey } from './admin-i18n.ts';
import { formatWhen } from './editor/edit-extras.ts';
import { OutdatedBadge } from './translate-view.tsx';

export function StatusBadge(props: { lang: string; status: string }) {
  return <span class={`status status-${props.status}`}>{atIfKnown(props.lang, `status.${props.status}`) ?? props.status}</span>;
}

export function ArticleListPage(props: { lang: string; user: AdminUser; rows: AdminRow[]; total: number; filter: { status?: string; lang?: string; q?: string }; flash?: Flash }) {
  const { lang, filter } = props;
  return (
    <AdminLayout lang={lang} title={at(lang, 'list.title')} user={props.user} flash={props.flash}>
      <h1>{at(lang, 'list.title')}</h1>
      <form method="get" action="/admin" class="row">
        <select name="status" aria-label={at(lang, 'col.status')}>
          <option value="">{at(lang, 'list.all')}</option>
          {STATUSES.map((s) => (
            <option value={s} selected={filter.status === s}>
              {at(lang, `status.${s}` as AdminKey)}
            </option>
          ))}
        </select>
        <select name="lang" aria-label={at(lang, 'col.lang')}>
          <option value="">{at(lang, 'list.allLangs')}</option>
          {Object.values(LANGS).map((l) => (
            <option value={l.code} selected={filter.lang === l.code}>
              {l.name}
            </option>
          ))}
        </select>
        <input type="text" name="q" value={filter.q ?? ''} placeholder={at(lang, 'list.search')} aria-label={at(lang, 'list.search')} />
        <button type="submit">{at(lang, 'list.filter')}</button>
      </form>
      <p class="hint">{at(lang, 'list.count', { n: props.total })}</p>
      {props.rows.length === 0 ? (
        <p>{at(lang, 'list.empty')}</p>
      ) : (
        <table class="article-list">
          <thead>
            <tr>
              <th>{at(lang, 'col.title')}</th>
              <th>{at(lang, 'col.lang')}</th>
              <th>{at(lang, 'col.status')}</th>
              <th>{at(lang, 'col.modified')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/articles/${r.id}`} lang={r.lang} dir="auto">
                    {r.title}
                  </a>
                </td>
                <td>
                  <span class="visually-hidden">{at(lang, 'col.lang')}: </span>
                  {r.lang}
                </td>
                <td>
                  <StatusBadge lang={lang} status={r.status} />
                  {r.outdated ? (
                    <>
                      {' '}
                      <a href={`/admin/articles/${r.id}/translate`}>
                        <OutdatedBadge lang={lang} />
                      </a>
                    </>
                  ) : null}
                  {r.publishAt ? <span class="hint"> {formatWhen(r.publishAt, lang)}</span> : null}
                </td>
                <td>
                  <time datetime={r.modifiedAt}>{formatWhen(r.modifiedAt, lang)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
