/**
 * @module The media library page: upload an image with its alt text per language, and every image with
 * its descriptions (those missing in a language marked), editable in place.
 */
import { MAX_MEDIA_BYTES, type LibraryImage } from '../../../app/index.ts';
import { dirOf } from '../../../model/index.ts';
import { variantSrc } from '../../media/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from '../admin-layout.tsx';
import { langName, mt } from './media-i18n.ts';

export function MediaPage(props: { lang: string; user: AdminUser; languages: string[]; images: LibraryImage[]; flash?: Flash; typed?: Record<string, string> }) {
  const { lang, user, languages } = props;
  return (
    <AdminLayout lang={lang} title={mt(lang, 'title')} user={user} flash={props.flash}>
      <h1>{mt(lang, 'title')}</h1>
      <p class="hint">{mt(lang, 'intro')}</p>
      <form method="post" action="/admin/media" enctype="multipart/form-data" class="panel" id="upload">
        <h2>{mt(lang, 'upload')}</h2>
        <CsrfField token={user.csrf} />
        <label for="m-file">{mt(lang, 'file', { mb: MAX_MEDIA_BYTES / 1024 / 1024 })}</label>
        <input id="m-file" type="file" name="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif,image/svg+xml" required />
        <p class="hint" id="m-alt-hint">
          {mt(lang, 'altHint')}
        </p>
        <div class="row">
          {languages.map((l) => (
            <div>
              <label for={`m-alt-${l}`}>{mt(lang, 'alt', { lang: langName(lang, l) })}</label>
              <input id={`m-alt-${l}`} type="text" name={`alt.${l}`} value={props.typed?.[l] ?? ''} lang={l} dir={dirOf(l)} maxlength={400} aria-describedby="m-alt-hint" />
            </div>
          ))}
        </div>
        <p>
          <button type="submit">{mt(lang, 'send')}</button>
        </p>
      </form>
      <h2>{mt(lang, 'count', { n: props.images.length })}</h2>
      {props.images.length ? null : <p>{mt(lang, 'empty')}</p>}
      <div class="media-grid">
        {props.images.map((m) => (
          <form method="post" action={`/admin/media/${m.hash}`} class="panel media-item">
            <CsrfField token={user.csrf} />
            {m.width ? <img src={variantSrc(m.src, m.width, 480)} alt={m.alt[lang] ?? Object.values(m.alt)[0] ?? ''} width={m.width} height={m.height ?? undefined} loading="lazy" /> : null}
            <p class="hint">
              <bdi dir="ltr">{m.name}</bdi> · {mt(lang, 'size', { w: m.width ?? '?', h: m.height ?? '?' })}
            </p>
            {languages.map((l) => (
              <div>
                <label for={`a-${m.hash}-${l}`}>{mt(lang, 'alt', { lang: langName(lang, l) })}</label>
                <input id={`a-${m.hash}-${l}`} type="text" name={`alt.${l}`} value={m.alt[l] ?? ''} lang={l} dir={dirOf(l)} maxlength={400} aria-describedby={m.alt[l] ? undefined : `a-${m.hash}-${l}-missing`} />
                {m.alt[l] ? null : (
                  <p class="missing-alt" id={`a-${m.hash}-${l}-missing`}>
                    {mt(lang, 'missing', { lang: langName(lang, l) })}
                  </p>
                )}
              </div>
            ))}
            <p>
              <button type="submit" class="secondary">
                {mt(lang, 'saveAlt')}
              </button>
            </p>
          </form>
        ))}
      </div>
    </AdminLayout>
  );
}
