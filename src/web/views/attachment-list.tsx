/**
 * @module The files an article carries (policy notes as PDF), listed under its body: each title opens
 * the file, with its type, size and language in the page's language, and a download link.
 */
import type { Attachment } from '../../model/index.ts';
import { dirOf } from '../../model/index.ts';
import { langName, t } from '../i18n/index.ts';

/**
 * A file size in the page's language, in kB or MB.
 *
 * @example fileSize(1_310_720, 'ar') // → '1.3 ميغابايت'
 */
export function fileSize(bytes: number, lang: string): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024));
  return new Intl.NumberFormat(lang, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', unitDisplay: lang === 'ar' ? 'long' : 'short', maximumFractionDigits: 1 }).format(value);
}

export function AttachmentList(props: { attachments: Attachment[]; lang: string }) {
  const { lang, attachments } = props;
  if (!attachments.length) return null;
  return (
    <section class="attachments" aria-labelledby="attachments-h">
      <h2 id="attachments-h" class="section-title">
        {t(lang, 'article.attachments')}
      </h2>
      <ul>
        {attachments.map((f, i) => {
          const name = f.src.split('/').pop() ?? 'file.pdf';
          return (
            <li>
              <a class="attachment-title" href={f.src} type={f.type} lang={f.lang ?? undefined} dir={f.lang ? dirOf(f.lang) : 'auto'} id={`attachment-${i + 1}`}>
                {f.title || name}
              </a>
              <span class="attachment-meta">
                {/* Each part is isolated: an English size or "PDF" must not reorder the Arabic around it. */}
                <bdi>PDF</bdi>
                {f.bytes ? (
                  <>
                    {' · '}
                    <bdi>{fileSize(f.bytes, lang)}</bdi>
                  </>
                ) : null}
                {f.lang ? (
                  <>
                    {' · '}
                    <bdi>{lang === 'ar' ? t(lang, 'article.attachmentIn', { lang: langName(f.lang, lang) }) : langName(f.lang, lang)}</bdi>
                  </>
                ) : null}
                {' · '}
                {/* A bare `download`: the browser takes the file's own name from the server's Content-Disposition. */}
                <a href={f.src} type={f.type} download aria-describedby={`attachment-${i + 1}`}>
                  {t(lang, 'article.attachmentDownload')}
                </a>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
