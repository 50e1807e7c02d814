/**
 * @module The editors' view of all articles whatever their state, deleting with a tombstone, linking
 * translations, and importing an uploaded page file (related items: related-items.ts).
 */
import { readPage, MAX_PAGE_BYTES } from '../../ingest/index.ts';
import { MizanError } from '../../lib/index.ts';
import { type Article } from '../../model/index.ts';
import { chunksOf, type Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { afterImport, beforeImport } from '../import-guard.ts';
import { edb } from '../accounts/tables.ts';
import { sizeBodyImages } from '../media/body-images.ts';
import { deleteArticle } from '../save-article.ts';
import { requireCan, type Editor } from './editor.ts';
import { ConflictError } from './errors.ts';
import { articleState, saveEdit, type Saved } from './edit-article.ts';
import { ensureBaseline } from './revisions.ts';
import { bumpContent } from './workflow.ts';
import { forgetSources, outdatedAmong, recordSource } from './translation-sync.ts';

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
  /** A translation whose source changed since it was made. */
  outdated: boolean;
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
  const outdated = await outdatedAmong(store, rows.map((r) => r.id));
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
      outdated: outdated.has(r.id),
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

/** Linking would take an article already paired with another (HTTP 409): the editor must confirm. */
export class PairedError extends MizanError {
  /** Each pair the link would break: the article asked for and the one it is paired with now. */
  readonly pairs: { article: { id: string; title: string; lang: string }; partner: { id: string; title: string; lang: string } }[];
  constructor(pairs: PairedError['pairs']) {
    super(
      'already-paired',
      pairs.map((p) => `"${p.article.title}" is already paired with the ${p.partner.lang} article "${p.partner.title}"`).join('; ') +
        ': confirm to replace the pairing (the old partners are unlinked)',
      { status: 409 },
    );
    this.name = 'PairedError';
    this.pairs = pairs;
  }
}

/**
 * The articles paired with each of `ids` as translations, either way round (a link in the article's own
 * translations, or another article's link to it), by id. Links to addresses with no article are left out.
 *
 * @example (await pairings(store, [arId])).get(arId) // → [{ id: enId, lang: 'en', title, path }]
 */
export async function pairings(store: Store, ids: readonly string[]): Promise<Map<string, { id: string; lang: string; title: string; path: string }[]>> {
  const out = new Map<string, { id: string; lang: string; title: string; path: string }[]>();
  const add = (id: string, other: { id: string; lang: string; title: string; path: string }) => {
    if (id === other.id) return;
    const list = out.get(id) ?? [];
    if (!list.some((x) => x.id === other.id)) list.push(other);
    out.set(id, list);
  };
  for (const part of chunksOf([...new Set(ids)])) {
    const forward = await store.db
      .selectFrom('article_translations as t')
      .innerJoin('articles as o', 'o.path', 't.path')
      .select(['t.article_id as of', 'o.id', 'o.lang', 'o.title', 'o.path'])
      .where('t.article_id', 'in', part)
      .execute();
    for (const r of forward) add(r.of, { id: r.id, lang: r.lang, title: r.title, path: r.path });
    const backward = await store.db
      .selectFrom('articles as me')
      .innerJoin('article_translations as t', 't.path', 'me.path')
      .innerJoin('articles as o', 'o.id', 't.article_id')
      .select(['me.id as of', 'o.id', 'o.lang', 'o.title', 'o.path'])
      .where('me.id', 'in', part)
      .execute();
    for (const r of backward) add(r.of, { id: r.id, lang: r.lang, title: r.title, path: r.path });
  }
  return out;
}

/** Which article of a pair is the source the other translates. */
export type SourceSide = 'auto' | 'this' | 'other';

/**
 * Links two articles in different languages as translations of each other (both sides are saved, with
 * revisions) and records which is the source (`auto`: the one created first). An article already paired
 * in the other's language is refused with PairedError unless `confirm`; then, in the same transaction,
 * its old partner is unlinked too, so every hreflang link stays reciprocal. `versionOfA` guards the
 * article being edited.
 *
 * @example await linkTranslation(store, editor, arId, enId, { confirm: true }) // → ar ↔ en, old partners unlinked
 */
export async function linkTranslation(store: Store, editor: Editor, aId: string, bId: string, opts: { version?: number; confirm?: boolean; source?: SourceSide } = {}): Promise<void> {
  await store.transaction(async (tx) => {
    const a = await mustGet(tx, aId);
    const b = await mustGet(tx, bId);
    if (a.article.id === b.article.id) throw new MizanError('same-article', 'an article cannot be its own translation');
    if (a.article.lang === b.article.lang) throw new MizanError('same-language', 'a translation must be in another language');
    if (opts.version !== undefined && opts.version !== a.version) {
      throw new ConflictError(`someone saved this article after you opened it (you started from version ${opts.version}, it is now at version ${a.version}); reload and link again`, a.version);
    }
    const paired = await pairings(tx, [aId, bId]);
    // The old partners: A's in B's language, B's in A's language (an existing A ↔ B link is no conflict).
    const oldOfA = (paired.get(aId) ?? []).filter((p) => p.lang === b.article.lang && p.id !== bId);
    const oldOfB = (paired.get(bId) ?? []).filter((p) => p.lang === a.article.lang && p.id !== aId);
    if ((oldOfA.length || oldOfB.length) && !opts.confirm) {
      const brief = (x: Article) => ({ id: x.id, title: x.title, lang: x.lang });
      throw new PairedError([
        ...oldOfA.map((p) => ({ article: brief(a.article), partner: { id: p.id, title: p.title, lang: p.lang } })),
        ...oldOfB.map((p) => ({ article: brief(b.article), partner: { id: p.id, title: p.title, lang: p.lang } })),
      ]);
    }
    // Unlink first: each old partner drops its link to A or B, and A and B drop theirs to it.
    const broken: [string, string][] = [...oldOfA.map((p) => [aId, p.id] as [string, string]), ...oldOfB.map((p) => [bId, p.id] as [string, string])];
    for (const [mine, theirs] of broken) {
      const mineNow = await mustGet(tx, mine);
      const other = await mustGet(tx, theirs);
      const without = (x: Article, path: string) => ({ ...x, translations: x.translations.filter((t) => t.path !== path) });
      await saveEdit(tx, editor, { article: without(other.article, mineNow.article.path), version: other.version, note: `unlinked translation ${mineNow.article.path}` });
      if (mineNow.article.translations.some((t) => t.path === other.article.path)) {
        await saveEdit(tx, editor, { article: without(mineNow.article, other.article.path), version: mineNow.version, note: `unlinked translation ${other.article.path}` });
      }
    }
    await forgetSources(tx, broken);
    const link = (x: Article, y: Article) => ({
      ...x,
      translations: [...x.translations.filter((t) => t.lang !== y.lang), { lang: y.lang, path: y.path, exists: true }],
    });
    const a2 = await mustGet(tx, aId);
    const b2 = await mustGet(tx, bId);
    await saveEdit(tx, editor, { article: link(a2.article, b2.article), version: a2.version, note: `linked translation ${b2.article.path}` });
    await saveEdit(tx, editor, { article: link(b2.article, a2.article), version: b2.version, note: `linked translation ${a2.article.path}` });
    const side = opts.source ?? 'auto';
    const [sourceId, translationId] = side === 'this' ? [aId, bId] : side === 'other' ? [bId, aId] : await olderFirst(tx, aId, bId);
    await forgetSources(tx, [[aId, bId]]);
    await recordSource(tx, editor, translationId, sourceId);
    if (broken.length) await recordAudit(tx, editor, 'translation.repair', aId, { with: bId, unlinked: broken });
  });
}

/** The earlier-created of two articles first (the source by default); ties broken by id. */
async function olderFirst(tx: Store, aId: string, bId: string): Promise<[string, string]> {
  const rows = await tx.db.selectFrom('articles').select(['id', 'created_at']).where('id', 'in', [aId, bId]).execute();
  const at = new Map(rows.map((r) => [r.id, r.created_at]));
  const [x, y] = [at.get(aId) ?? '', at.get(bId) ?? ''];
  return x < y || (x === y && aId < bId) ? [aId, bId] : [bId, aId];
}

export interface UploadResult {
  file: string;
  articles: { id: string; title: string; status: 'created' | 'updated' | 'unchanged' | 'overwritten' }[];
  warnings: { line: number | null; message: string }[];
}

/**
 * Imports an uploaded page file through the importer: new articles arrive as drafts; an article
 * already at the same address is updated (with a revision), keeping its state.
 *
 * @example await importUpload(store, editor, 'page.txt', bytes) // → { articles: [{ id, status: 'created' }], … }
 */
export async function importUpload(store: Store, editor: Editor, fileName: string, bytes: Uint8Array, opts: { force?: boolean } = {}): Promise<UploadResult> {
  requireCan(editor, 'import');
  // The name is only a label and a format hint: never a path on this machine.
  const file = fileName.replace(/^.*[\\/]/, '').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'upload';
  if (bytes.byteLength > MAX_PAGE_BYTES) {
    throw new MizanError('too-large', `${file} is ${bytes.byteLength} bytes; a page file may have at most ${MAX_PAGE_BYTES}`, { status: 413 });
  }
  const parsed = readPage({ file, bytes });
  const out: UploadResult = { file, articles: [], warnings: parsed.warnings.map((w) => ({ line: w.line, message: w.message })) };
  await store.transaction(async (tx) => {
    for (const read of parsed.articles) {
      const article = await sizeBodyImages(tx, read, { strict: false });
      const existing = await tx.db.selectFrom('articles').select(['id', 'version']).where('path', '=', article.path).executeTakeFirst();
      const seen = await beforeImport(tx, article.path);
      const saved = existing
        ? await saveEdit(tx, editor, { article: { ...article, id: existing.id }, version: Number(existing.version), note: `imported ${file}` })
        : await saveEdit(tx, editor, { article, note: `imported ${file}` });
      // Editors' changes since the last import are never overwritten unasked (import-guard.ts).
      const { overwrote } = saved.changed ? await afterImport(tx, seen, saved.id, file, { force: opts.force, actor: editor }) : { overwrote: false };
      out.articles.push({ id: saved.id, title: article.title, status: existing ? (overwrote ? 'overwritten' : saved.changed ? 'updated' : 'unchanged') : 'created' });
    }
    await recordAudit(tx, editor, 'article.import', file, { articles: out.articles.map((a) => a.id) });
    await bumpContent(tx, ...out.articles.map((a) => a.id));
  });
  return out;
}
