/**
 * @module An article's suggested entities (kind, name, salience, status) with Accept and Reject forms,
 * server-rendered, no script. Each button's accessible name names the entity, so a screen reader's list
 * of buttons reads "Reject Spain", not ten times "Reject".
 */
import type { ArticleEntity } from '../../knowledge/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at, type AdminKey } from './admin-i18n.ts';

export interface EntitiesPageProps {
  lang: string;
  user: AdminUser;
  article: { id: string; title: string; lang: string };
  entities: ArticleEntity[];
  /** Whether the account may accept or reject (`knowledge.review`); others see the table only. */
  canDecide: boolean;
  flash?: Flash;
}

function DecideForm(props: { lang: string; csrf: string; action: string; entity: ArticleEntity; status: 'accepted' | 'rejected' }) {
  const { lang, entity } = props;
  const accept = props.status === 'accepted';
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="kind" value={entity.kind} />
      <input type="hidden" name="entity" value={entity.id} />
      <input type="hidden" name="decision" value={props.status} />
      <button type="submit" class={accept ? undefined : 'secondary'} aria-label={at(lang, accept ? 'ent.acceptNamed' : 'ent.rejectNamed', { name: entity.name })}>
        {at(lang, accept ? 'ent.accept' : 'ent.reject')}
      </button>
    </form>
  );
}

export function EntitiesPage(props: EntitiesPageProps) {
  const { lang, user, article } = props;
  const base = `/admin/articles/${article.id}`;
  const percent = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <AdminLayout lang={lang} title={`${at(lang, 'ent.title')}: ${article.title}`} user={user} flash={props.flash}>
      <h1>
        {at(lang, 'ent.title')}: <bdi lang={article.lang}>{article.title}</bdi>
      </h1>
      <p>
        <a href={base}>{at(lang, 'ent.back')}</a>
      </p>
      <p class="hint">{at(lang, 'ent.intro')}</p>
      {props.entities.length === 0 ? (
        <p>{at(lang, 'ent.none')}</p>
      ) : (
        <table>
          <caption>{at(lang, 'ent.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{at(lang, 'ent.name')}</th>
              <th scope="col">{at(lang, 'ent.kind')}</th>
              <th scope="col">{at(lang, 'ent.salience')}</th>
              <th scope="col">{at(lang, 'ent.status')}</th>
              {props.canDecide ? <th scope="col">{at(lang, 'ent.decision')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.entities.map((e) => (
              <tr class={`entity-${e.status}`}>
                <th scope="row">
                  <bdi>{e.name}</bdi>
                </th>
                <td>{at(lang, `ent.kind.${e.kind}` as AdminKey)}</td>
                <td>{percent.format(e.salience)}</td>
                <td>
                  <span class={`status status-${e.status}`}>{at(lang, `ent.status.${e.status}` as AdminKey)}</span>
                </td>
                {props.canDecide ? (
                  <td>
                    {e.status !== 'accepted' ? <DecideForm lang={lang} csrf={user.csrf} action={`${base}/entities`} entity={e} status="accepted" /> : null}{' '}
                    {e.status !== 'rejected' ? <DecideForm lang={lang} csrf={user.csrf} action={`${base}/entities`} entity={e} status="rejected" /> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
