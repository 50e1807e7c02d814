/** @module Editing experts: name, title and bio in each language. */
import type { ExpertView } from '../../store/index.ts';
import { dirOf } from '../../model/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';
import { et } from './editor/editor-i18n.ts';
import type { ExpertPhoto } from '../../app/index.ts';
import { variantSrc } from '../media/index.ts';
import { mt } from './media/media-i18n.ts';

/** The expert's photo, with a form to replace or remove it (shown once per expert, above their first language). */
function PhotoPanel(props: { lang: string; csrf: string; expert: ExpertView; photo?: ExpertPhoto }) {
  const { lang, expert, photo } = props;
  return (
    <div class="panel photo-panel">
      <p class="hint">
        {mt(lang, 'photo')} — <bdi>{expert.name}</bdi>
      </p>
      {photo ? <img class="thumb" src={variantSrc(photo.src, photo.width, 480)} alt={expert.name} width={120} height={Math.round((120 * photo.height) / photo.width)} /> : <p>{mt(lang, 'photoNone')}</p>}
      <form method="post" action="/admin/media/expert-photo" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="expert" value={expert.id} />
        <input type="hidden" name="name" value={expert.name} />
        <label for={`p-${expert.id}`}>{mt(lang, 'photoFile')}</label>
        <input id={`p-${expert.id}`} type="file" name="file" accept="image/jpeg,image/png,image/webp" required />
        <button type="submit" class="secondary">
          {mt(lang, 'photoSend')}
        </button>
      </form>
      {photo ? (
        <form method="post" action="/admin/media/expert-photo">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="expert" value={expert.id} />
          <input type="hidden" name="do" value="remove" />
          <button type="submit" class="secondary">
            {mt(lang, 'photoRemove')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function ExpertsPage(props: { lang: string; user: AdminUser; experts: ExpertView[]; photos?: Map<string, ExpertPhoto>; flash?: Flash }) {
  const { lang, user } = props;
  const seen = new Set<string>();
  return (
    <AdminLayout lang={lang} title={at(lang, 'experts.title')} user={user} flash={props.flash}>
      <h1>{at(lang, 'experts.title')}</h1>
      <p>
        <a class="button" href="/admin/experts/new">{et(lang, 'expert.new')}</a>
      </p>
      {props.experts.map((e) => (
        <>
        {seen.has(e.id) ? null : (seen.add(e.id), <PhotoPanel lang={lang} csrf={user.csrf} expert={e} photo={props.photos?.get(e.id)} />)}
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
        </>
      ))}
    </AdminLayout>
  );
}
