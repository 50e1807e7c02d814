/**
 * @module Creating an expert: its own page and its own act (never a side effect of typing a name in an
 * article). A name in each language the institute publishes in, with title and bio.
 */
import { LANGS, dirOf } from '../../../model/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from '../admin-layout.tsx';
import { at } from '../admin-i18n.ts';
import { et } from './editor-i18n.ts';

export function NewExpertPage(props: { lang: string; user: AdminUser; flash?: Flash; values?: Record<string, string> }) {
  const { lang, user } = props;
  const v = props.values ?? {};
  return (
    <AdminLayout lang={lang} title={et(lang, 'expert.new')} user={user} flash={props.flash}>
      <h1>{et(lang, 'expert.new')}</h1>
      <p class="hint">{et(lang, 'expert.newHint')}</p>
      <form method="post" action="/admin/experts/new" class="panel">
        <CsrfField token={user.csrf} />
        <div class="row">
          {Object.values(LANGS).map((l) => (
            <fieldset lang={l.code} dir={dirOf(l.code)}>
              <legend>{l.name}</legend>
              <label for={`x-name-${l.code}`}>{at(lang, 'experts.name')}</label>
              <input id={`x-name-${l.code}`} type="text" name={`name_${l.code}`} value={v[`name_${l.code}`] ?? ''} dir="auto" maxlength={200} />
              <label for={`x-title-${l.code}`}>{at(lang, 'experts.role')}</label>
              <input id={`x-title-${l.code}`} type="text" name={`title_${l.code}`} value={v[`title_${l.code}`] ?? ''} dir="auto" />
              <label for={`x-bio-${l.code}`}>{at(lang, 'experts.bio')}</label>
              <textarea id={`x-bio-${l.code}`} name={`bio_${l.code}`} dir="auto" rows={3}>
                {v[`bio_${l.code}`] ?? ''}
              </textarea>
            </fieldset>
          ))}
        </div>
        <p>
          <button type="submit">{et(lang, 'expert.create')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
