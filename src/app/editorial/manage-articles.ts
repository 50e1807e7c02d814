/**
 * @module The editors' view of all articles whatever their state, deleting with a tombstone, linking
 * translations, choosing related items, and importing an uploaded page file.
 */
import { readPage, MAX_PAGE_BYTES } from '../../ingest/index.ts';
import { MizanError } from '../../lib/index.ts';
import { type Article, type RelatedRef } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { edb } from '../accounts/tables.ts';
import { deleteArticle } from '../save-article.ts';
import { requireCan, type Editor } from './editor.ts';
import { articleState, saveEdit, type Saved } from './edit-article.ts';
import { ensureBaseline } from './revisions.ts';
import { bumpContent } from './workflow.ts';

export interface AdminRow {
  id: string;
  lang: string;
  title: string;
  path: string;
  status: string;
  version: number;
  published: string | null;
  modifiedAt: string;
  publishAt: string | null;
}

/**
 * Articles in every state, most recently changed first; `q` filters on the title.
 *
 * @example await adminArticles(store, { status: 'review' }) // → [{ id, title, status: 'review', … }]
 */
export async function adminArticles(store: Store, opts: { status?: string; lang?: string; q?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; rows: AdminRow[] }> {
  let base = store.db.selectFrom('articles');
  if (opts.status) base = base.where('status', '=', opts.status);
  if (opts.lang) base = base.where('lang', '=', opts.lang);
  if (opts.q) base = base.where('title', 'like', `%${opts.q}%`);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'lang', 'title', 'path', 'status', 'version', 'published', 'modified_at'])
    .orderBy('modified_at', 'desc')
    .orderBy('id')
    .limit(Math.min(opts.limit ?? 50, 200))
    .offset(opts.offset ?? 0)
    .execute();
  const schedule = await edb(store).selectFrom('schedule').selectAll().execute();
  const at = new Map(schedule.map((s) => [s.article_id, s.publish_at]));
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      lang: r.lang,
      title: r.title,
      path: r.path,
      status: r.status,
      version: Number(r.version),
      published: r.published,
      modifiedAt: r.modified_at,
      publishAt: at.get(r.id) ?? null,
    })),
  };
}

/**
 * Deletes an article: its page and search entry go, a tombstone (what it was, who deleted it, when)
 * and every revision stay.
 *
 * @example await deleteWithTombstone(store, editor, id) // → true
 */
export async function deleteWithTombstone(store: Store, editor: Editor, id: string): Promise<boolean> {
  requireCan(editor, 'article.delete');
  return store.transaction(async (tx) => {
    const row = await tx.db.selectFrom('articles').select(['id', 'path', 'lang', 'title']).where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    await ensureBaseline(tx, editor, id);
    await edb(tx)
      .insertInto('tombstones')
      .values({ article_id: id, path: row.path, lang: row.lang, title: row.title, deleted_at: new Date().toISOString(), deleted_by: editor.email })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ deleted_at: new Date().toISOString(), deleted_by: editor.email }))
      .execute();
    const gone = await deleteArticle(tx, id);
    await recordAudit(tx, editor, 'article.delete', id, { path: row.path, title: row.title });
    return gone;
  });
}

export async function listTombstones(store: Store): Promise<{ articleId: string; path: string; title: string; deletedAt: string; deletedBy: string | null }[]> {
  const rows = await edb(store).selectFrom('tombstones').selectAll().orderBy('deleted_at', 'desc').execute();
  return rows.map((r) => ({ articleId: r.article_id, path: r.path, title: r.title, deletedAt: r.deleted_at, deletedBy: r.deleted_by }));
}

async function mustGet(store: Store, id: string): Promise<{ article: Article; version: number }> {
  const article = await store.getArticle(id);
  const state = await articleState(store, id);
  if (!article || !state) throw new MizanError('not-found', `no article ${id}`, { status: 404 });
  return { article, version: state.version };
}

/**
 * Links two articles in different languages as translations of each other (both sides are saved, with
 * revisions). `versionOfA` guards the article being edited.
 */
export async function linkTranslation(store: Store, editor: Editor, aId: string, bId: string, versionOfA?: number): Promise<void> {
  await store.transaction(async (tx) => {
    const a = await mustGet(tx, aId);
    const b = await mustGet(tx, bId);
    if (a.article.lang === b.article.lang) throw new MizanError('same-language', 'a translation must be in another language');
    const link = (x: Article, y: Article) => ({
      ...x,
      translations: [...x.translations.filter((t) => t.lang !== y.lang), { lang: y.lang, path: y.path, exists: true }],
    });
    await saveEdit(tx, editor, { article: link(a.article, b.article), version: versionOfA ?? a.version, note: `linked translation ${b.article.path}` });
    await saveEdit(tx, editor, { article: link(b.article, a.article), version: b.version, note: `linked translation ${a.article.path}` });
  });
}

/** Sets an article's related items to the given stored articles, in order. */
export async function setRelated(store: Store, editor: Editor, id: string, relatedIds: string[], version?: number): Promise<Saved> {
  const { article, version: current } = await mustGet(store, id);
  const related: RelatedRef[] = [];
  for (const rid of relatedIds) {
    if (rid === id) continue;
    const other = await store.getArticle(rid);
    if (other) related.push({ type: other.type, lang: other.lang, title: other.title, authors: other.authors.map((x) => x.name), path: other.path });
  }
  return saveEdit(store, editor, { article: { ...article, related }, version: version ?? current, note: 'related items chosen' });
}

export interface UploadResult {
  file: string;
  articles: { id: string; title: string; status: 'created' | 'updated' | 'unchanged' }[];
  warnings: { line: number | null; message: string }[];
}

/**
 * Imports an uploaded page file through the importer: new articles arrive as drafts; an article
 * already at the same address is updated (with a revision), keeping its state.
 *
 * @example await importUpload(store, editor, 'page.txt', bytes) // → { articles: [{ id, status: 'created' }], … }
 */
export async function importUpload(store: Store, editor: Editor, fileName: string, bytes: Uint8Array): Promise<UploadResult> {
  requireCan(editor, 'import');
  // The name is only a label and a format hint: never a path on this machine.
  const file = fileName.replace(/^.*[\\/]/, '').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'upload';
  if (bytes.byteLength > MAX_PAGE_BYTES) {
    throw new MizanError('too-large', `${file} is ${bytes.byteLength} bytes; a page file may have at most ${MAX_PAGE_BYTES}`, { status: 413 });
  }
  const parsed = readPage({ file, bytes });
  const out: UploadResult = { file, articles: [], warnings: parsed.warnings.map((w) => ({ line: w.line, message: w.message })) };
  await store.transaction(async (tx) => {
    for (const article of parsed.articles) {
      const existing = await tx.db.selectFrom('articles').select(['id', 'version']).where('path', '=', article.path).executeTakeFirst();
      const saved = existing
        ? await saveEdit(tx, editor, { article: { ...article, id: existing.id }, version: Number(existing.version), note: `imported ${file}` })
        : await saveEdit(tx, editor, { article, note: `imported ${file}` });
      out.articles.push({ id: saved.id, title: article.title, status: existing ? (saved.changed ? 'updated' : 'unchanged') : 'created' });
    }
    await recordAudit(tx, editor, 'article.import', file, { articles: out.articles.map((a) => a.id) });
    await bumpContent(tx, ...out.articles.map((a) => a.id));
  });
  return out;
}
