/** @module An article's revisions: the list, a comparison of any two, and restoring one. */
import type { DiffLine, Revision } from '../../app/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { StatusBadge } from './article-list-page.tsx';
import { at } from './admin-i18n.ts';

export interface RevisionsPageProps {
  lang: string;
  user: AdminUser;
  articleId: string;
  title: string;
  version: number;
  revisions: Revision[];
  canRestore: boolean;
  diff?: { from: number; to: number; lines: DiffLine[] };
  flash?: Flash;
}

export function RevisionsPage(props: RevisionsPageProps) {
  const { lang, user, revisions } = props;
  const base = `/admin/articles/${props.articleId}`;
  const from = props.diff?.from ?? revisions[revisions.length - 1]?.number;
  const to = props.diff?.to ?? revisions[0]?.number;
  return (
    <AdminLayout lang={lang} title={at(lang, 'rev.title')} user={user} flash={props.flash}>
      <h1>
        {at(lang, 'rev.title')}: <a href={base}><bdi>{props.title}</bdi></a>
      </h1>
      <form method="get" action={`${base}/revisions/compare`} class="row">
        <div>
          <label for="rev-from">{at(lang, 'rev.from')}</label>
          <select id="rev-from" name="from">
            {revisions.map((r) => (
              <option value={String(r.number)} selected={r.number === from}>
                {String(r.number)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="rev-to">{at(lang, 'rev.to')}</label>
          <select id="rev-to" name="to">
            {revisions.map((r) => (
              <option value={String(r.number)} selected={r.number === to}>
                {String(r.number)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label>&nbsp;</label>
          <button type="submit">{at(lang, 'rev.compare')}</button>
        </div>
      </form>
      {props.diff ? (
        <section>
          <h2>{at(lang, 'rev.diffTitle', { a: props.diff.from, b: props.diff.to })}</h2>
          <div class="diff" dir="auto">
            {props.diff.lines.map((l) => (
              <span class={l.op} dir="auto">
                {l.op === 'add' ? '+ ' : l.op === 'del' ? '− ' : '  '}
                {l.text}
              </span>
            ))}
          </div>
        </section>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{at(lang, 'col.modified')}</th>
            <th>{at(lang, 'col.status')}</th>
            <th>{at(lang, 'col.title')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr>
              <td>{String(r.number)}</td>
              <td>
                <span dir="ltr">{r.createdAt.slice(0, 19).replace('T', ' ')}</span>
                <br />
                <span class="hint">
                  {at(lang, 'rev.by', { who: r.userEmail ?? '—' })} · <bdi>{r.note}</bdi>
                </span>
              </td>
              <td>
                <StatusBadge lang={lang} status={r.status} />
              </td>
              <td lang={r.article.lang} dir="auto">
                {r.article.title}
              </td>
              <td>
                {props.canRestore ? (
                  <form method="post" action={`${base}/revisions/${r.number}/restore`}>
                    <CsrfField token={user.csrf} />
                    <input type="hidden" name="version" value={String(props.version)} />
                    <button type="submit" class="secondary">
                      {at(lang, 'rev.restore')}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
