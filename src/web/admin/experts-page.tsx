/** @module Editing experts: name, title and bio in each language. */
import type { ExpertView } from '../../store/index.ts';
import { dirOf } from '../../model/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';
import { et } from './editor/editor-i18n.ts';

export function ExpertsPage(props: { lang: string; user: AdminUser; experts: ExpertView[]; flash?: Flash }) {
  const { lang, user } = props;
  return (
    <AdminLayout lang={lang} title={at(lang, 'experts.title')} user={user} flash={props.flash}>
      <h1>{at(lang, 'experts.title')}</h1>
      <p>
        <a class="button" href="/admin/experts/new">{et(lang, 'expert.new')}</a>
      </p>
      {props.experts.map((e) => (
        <form method="post" action={`/admin/experts/${e.id}`} class="panel" lang={e.lang} dir={dirOf(e.lang)}>
          <CsrfField token={user.csrf} />
          <input type="hidden" name="lang" value={e.lang} />
          <p class="hint" dir="ltr">
            {e.path}
          </p>
          <div class="row">
            <div>
              <label for={`n-${e.id}-${e.lang}`}>{at(lang, 'experts.name')}</label>
              <input id={`n-${e.id}-${e.lang}`} type="text" name="name" value={e.name} dir="auto" required />
            </div>
            <div>
              <label for={`t-${e.id}-${e.lang}`}>{at(lang, 'experts.role')}</label>
              <input id={`t-${e.id}-${e.lang}`} type="text" name="title" value={e.title ?? ''} dir="auto" />
            </div>
          </div>
          <label for={`b-${e.id}-${e.lang}`}>{at(lang, 'experts.bio')}</label>
          <textarea id={`b-${e.id}-${e.lang}`} name="bio" dir="auto" rows={3}>
            {e.bio}
          </textarea>
          <p>
            <button type="submit">{at(lang, 'common.save')}</button>
          </p>
        </form>
      ))}
    </AdminLayout>
  );
}
