/**
 * @module The article form's lead image: chosen from the media library (with a thumbnail of the choice),
 * its alt text in the article's language beside it, and a way to the library to upload a new one.
 */
import type { LibraryImage } from '../../../app/index.ts';
import { dirOf } from '../../../model/index.ts';
import { variantSrc } from '../../media/index.ts';
import { langName, mt } from './media-i18n.ts';

export function LeadImageField(props: { lang: string; contentLang: string; value: string; alt: string; library: LibraryImage[] }) {
  const { lang, contentLang, library } = props;
  const chosen = library.find((m) => m.src === props.value);
  const outside = props.value && props.value !== '=' && !chosen ? props.value : '';
  const name = langName(lang, contentLang);
  return (
    <fieldset class="panel lead-image">
      <legend>{mt(lang, 'lead')}</legend>
      {chosen?.width ? <img class="thumb" src={variantSrc(chosen.src, chosen.width, 480)} alt={props.alt || chosen.alt[contentLang] || ''} width={240} height={Math.round((240 * (chosen.height ?? 1)) / chosen.width)} /> : null}
      <label for="f-image">{mt(lang, 'leadPick')}</label>
      <select id="f-image" name="image">
        <option value="" selected={!props.value}>
          {mt(lang, 'leadNone')}
        </option>
        {outside ? (
          <option value={outside} selected dir="ltr">
            {outside}
          </option>
        ) : null}
        {library.map((m) => (
          <option value={m.src} selected={m.src === props.value}>
            {`${m.name} — ${m.alt[contentLang] ?? mt(lang, 'leadNoAlt', { lang: name })}`}
          </option>
        ))}
      </select>
      <label for="f-imageAlt">{mt(lang, 'leadAlt', { lang: name })}</label>
      <input id="f-imageAlt" type="text" name="imageAlt" value={props.alt} lang={contentLang} dir={dirOf(contentLang)} aria-describedby="f-imageAlt-hint" maxlength={400} />
      <p class="hint" id="f-imageAlt-hint">
        {mt(lang, 'leadAltHint')} <a href="/admin/media">{mt(lang, 'leadUpload')}</a>
      </p>
    </fieldset>
  );
}
