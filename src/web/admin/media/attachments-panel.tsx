/**
 * @module The article form's side panel for attached files: each PDF with its title, language and size
 * and a button to take it off, and an upload (file, title, language) that attaches a new one.
 */
import { MAX_ATTACHMENT_BYTES } from '../../../app/index.ts';
import { LANGS, type Attachment } from '../../../model/index.ts';
import { fileSize } from '../../views/attachment-list.tsx';
import { CsrfField } from '../admin-layout.tsx';
import { langName, mt } from './media-i18n.ts';

export function AttachmentsPanel(props: { lang: string; csrf: string; articleId: string; articleLang: string; version: number; attachments: Attachment[] }) {
  const { lang, csrf, articleId } = props;
  const action = `/admin/articles/${articleId}/attachments`;
  return (
    <section class="panel" id="attachments">
      <h2>{mt(lang, 'files')}</h2>
      <p class="hint">{mt(lang, 'filesHint')}</p>
      {props.attachments.length ? (
        <ul>
          {props.attachments.map((a) => (
            <li>
              <a href={a.src} lang={a.lang ?? undefined} dir="auto">
                {a.title}
              </a>{' '}
              <span class="hint">
                <bdi>{fileSize(a.bytes, lang)}</bdi>
                {a.lang ? ` · ${langName(lang, a.lang)}` : ''}
              </span>
              <form method="post" action={action}>
                <CsrfField token={csrf} />
                <input type="hidden" name="version" value={String(props.version)} />
                <input type="hidden" name="do" value="remove" />
                <input type="hidden" name="src" value={a.src} />
                <button type="submit" class="secondary">
                  {mt(lang, 'fileRemove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{mt(lang, 'filesNone')}</p>
      )}
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField token={csrf} />
        <input type="hidden" name="version" value={String(props.version)} />
        <label for="att-file">{mt(lang, 'fileUpload', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}</label>
        <input id="att-file" type="file" name="file" accept="application/pdf,.pdf" required />
        <label for="att-title">{mt(lang, 'fileTitle')}</label>
        <input id="att-title" type="text" name="title" maxlength={300} dir="auto" />
        <label for="att-lang">{mt(lang, 'fileLang')}</label>
        <select id="att-lang" name="lang">
          {Object.values(LANGS).map((l) => (
            <option value={l.code} selected={l.code === props.articleLang}>
              {langName(lang, l.code)}
            </option>
          ))}
        </select>
        <p>
          <button type="submit">{mt(lang, 'fileSend')}</button>
        </p>
      </form>
    </section>
  );
}
