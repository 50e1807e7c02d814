/**
 * @module Attachments as editors use them: upload a PDF to an article (checked and its text extracted
 * by `addAttachment`, refused whole when it is not a readable, unencrypted PDF) or take one off. Each is
 * an edit of the article through `saveEdit`: a revision, the audit log, the search entry rebuilt (so
 * the PDF's words find the article) and the version check, in one transaction.
 */
import { MizanError, NotFoundError } from '../../lib/index.ts';
import { isLang, type Attachment } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { articleState, saveEdit, type Saved } from '../editorial/edit-article.ts';
import { requireCan, type Editor } from '../editorial/editor.ts';
import { sanitizeLine } from '../editorial/sanitize.ts';
import { addAttachment } from './media-store.ts';

async function current(store: Store, articleId: string) {
  const article = await store.getArticle(articleId);
  const state = await articleState(store, articleId);
  if (!article || !state) throw new NotFoundError(`no article ${articleId}`);
  return { article, version: state.version };
}

/**
 * Stores `bytes` as a PDF and attaches it to the article (a file already attached is not added twice).
 * `title` defaults to the file's name; `lang` to the article's language.
 *
 * @example await attachFile(store, editor, id, bytes, 'note.pdf', { title: 'مذكرة سياسات', lang: 'ar' }) // → { saved: { version: 4, … }, attachment: { src: '/media/3f….pdf', … } }
 * @throws MediaError (nothing stored) for a file that is not a readable, unencrypted PDF of at most 30 MB
 */
export async function attachFile(
  store: Store,
  editor: Editor,
  articleId: string,
  bytes: Uint8Array,
  name: string,
  opts: { title?: string; lang?: string; version?: number } = {},
): Promise<{ saved: Saved; attachment: Attachment }> {
  requireCan(editor, 'media.upload');
  const { article, version } = await current(store, articleId);
  const lang = opts.lang || article.lang;
  if (!isLang(lang)) throw new MizanError('bad-lang', `"${lang}" is not a language Mizan publishes in`, { status: 422 });
  const media = await addAttachment(store, bytes, name);
  const title = sanitizeLine(opts.title ?? '').slice(0, 300) || media.name.replace(/\.pdf$/i, '');
  const attachment: Attachment = { src: media.src, title, type: 'application/pdf', bytes: media.bytes, lang };
  const others = article.attachments.filter((a) => a.src !== media.src);
  const saved = await saveEdit(store, editor, { article: { ...article, attachments: [...others, attachment] }, version: opts.version ?? version, note: `attached ${media.name}` });
  return { saved, attachment };
}

/** Takes the attachment at `src` off the article (the stored file stays: another article may carry it). */
export async function detachFile(store: Store, editor: Editor, articleId: string, src: string, version?: number): Promise<Saved> {
  requireCan(editor, 'media.upload');
  const { article, version: now } = await current(store, articleId);
  const gone = article.attachments.find((a) => a.src === src);
  if (!gone) throw new NotFoundError(`the article has no attachment ${src}`);
  return saveEdit(store, editor, { article: { ...article, attachments: article.attachments.filter((a) => a !== gone) }, version: version ?? now, note: `removed attachment ${gone.title}` });
}
