/** @module Renaming topics and regions in each language (their addresses stay). */
import type { TermView } from '../../store/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

export function TermsPage(props: { lang: string; user: AdminUser; topics: TermView[]; regions: TermView[]; flash?: Flash }) {
  const { lang, user } = props;
  const list = (terms: TermView[]) => (
    <table>
      <tbody>
        {terms.map((t) => (
          <tr>
            <td dir="ltr" class="hint">
              {t.path}
            </td>
            <td>
              <form method="post" action={`/admin/terms/${t.id}`} class="row" lang={t.lang}>
                <CsrfField token={user.csrf} />
                <input type="hidden" name="lang" value={t.lang} />
                <input type="text" name="name" value={t.name} dir="auto" aria-label={at(lang, 'terms.name')} required />
                <button type="submit" class="secondary">
                  {at(lang, 'common.save')}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <AdminLayout lang={lang} title={at(lang, 'terms.title')} user={user} flash={props.flash}>
      <h1>{at(lang, 'terms.title')}</h1>
      <h2>{at(lang, 'terms.topic')}</h2>
      {list(props.topics)}
      <h2>{at(lang, 'terms.region')}</h2>
      {list(props.regions)}
    </AdminLayout>
  );
}
