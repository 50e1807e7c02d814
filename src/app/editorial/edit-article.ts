/**
 * @module Saving an article from the editors' side: sanitized, validated, stored with its search entry
 * and tags (through `saveArticle`), a revision appended and the act audited, all in one transaction,
 * so a crash loses nothing that was committed and commits nothing half-done. The version the editor
 * started from must still be the stored one (optimistic locking): otherwise nothing is written and the
 * editor gets a ConflictError while their text stays in their form.
 */
import { ArticleSchema, fieldError, type Article } from '../../model/index.ts';
import { MizanError } from '../../lib/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { saveArticle } from '../save-article.ts';
import { requireCan, type Editor } from './editor.ts';
import { addOwner, requireOwnership } from './ownership.ts';
import { ConflictError, ForbiddenError } from './errors.ts';
import { ensureBaseline, getRevision, recordRevision } from './revisions.ts';
import { sanitizeArticle } from './sanitize.ts';
import { bumpContent, syncDerived } from './workflow.ts';

export interface SaveEdit {
  /** The article to store. For an existing article its id and path must be the stored ones. */
  article: Article;
  /** The version the editor loaded; omitted for a new article. */
  version?: number;
  note?: string;
}

export interface Saved {
  id: string;
  version: number;
  status: string;
  /** False when the article already equalled what was sent (no new revision). */
  changed: boolean;
}

/** The stored state of an article on the editors' side. */
export async function articleState(store: Store, id: string): Promise<{ status: string; version: number; path: string; createdAt: string; modifiedAt: string } | undefined> {
  const row = await store.db.selectFrom('articles').select(['status', 'version', 'path', 'created_at', 'modified_at']).where('id', '=', id).executeTakeFirst();
  return row && { status: row.status, version: Number(row.version), path: row.path, createdAt: row.created_at, modifiedAt: row.modified_at };
}

/** The article sanitized and checked against the schema; the first problem is thrown naming its field. */
export function validated(article: Article): Article {
  const parsed = ArticleSchema.safeParse(sanitizeArticle(article));
  if (!parsed.success) {
    throw fieldError('invalid-article', parsed.error.issues[0], { prefix: 'article' });
  }
  return parsed.data;
}

/**
 * Creates (no `version`) or updates (with the loaded `version`) an article. New articles start as drafts.
 *
 * @example await saveEdit(store, editor, { article, version: 3 }) // → { id, version: 4, status: 'draft', changed: true }
 */
export async function saveEdit(store: Store, editor: Editor, input: SaveEdit): Promise<Saved> {
  requireCan(editor, 'article.write');
  const article = validated(input.article);
  return store.transaction(async (tx) => {
    const db = tx.db;
    if (input.version === undefined) {
      const taken = await db.selectFrom('paths').select('kind').where('path', '=', article.path).executeTakeFirst();
      if (taken) throw new MizanError('path-taken', `the address ${article.path} is already used by another ${taken.kind}; change the slug`, { status: 409 });
      const { id } = await saveArticle(tx, article);
      await db.updateTable('articles').set({ status: 'draft' }).where('id', '=', id).execute();
      await syncDerived(tx, id, 'draft');
      if (editor.id) await addOwner(tx, id, editor.id);
      const stored = (await tx.getArticle(id))!;
      await recordRevision(tx, editor, stored, 'draft', input.note || 'created');
      await recordAudit(tx, editor, 'article.create', id, { path: article.path, lang: article.lang });
      return { id, version: 1, status: 'draft', changed: true };
    }
    const row = await db.selectFrom('articles').select(['id', 'path', 'status', 'version']).where('id', '=', article.id).executeTakeFirst();
    if (!row) throw new MizanError('not-found', `no article ${article.id}`, { status: 404 });
    await requireOwnership(tx, editor, row.id);
    if (row.path !== article.path) throw new MizanError('path-fixed', `an article's address cannot change here (${row.path})`);
    // A no-op update that only matches the version the editor loaded: it takes the row lock, so of two
    // editors saving at once on PostgreSQL the second waits, re-reads, and finds the version moved.
    const claimed = await db
      .updateTable('articles')
      .set({ version: input.version })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      const now = await db.selectFrom('articles').select('version').where('id', '=', row.id).executeTakeFirst();
      throw new ConflictError(
        `someone saved this article after you opened it (you started from version ${input.version}, it is now at version ${now?.version ?? '?'}); your text was not saved and is still in the form`,
        Number(now?.version ?? 0),
      );
    }
    if ((row.status === 'published' || row.status === 'scheduled') && editor.role && !canWritePublished(editor)) {
      throw new ForbiddenError('only editors may change an article that is published or scheduled');
    }
    await ensureBaseline(tx, editor, row.id);
    const result = await saveArticle(tx, article);
    if (result.status === 'unchanged') return { id: row.id, version: input.version, status: row.status, changed: false };
    if (row.status !== 'published') await syncDerived(tx, row.id, row.status);
    const stored = (await tx.getArticle(row.id))!;
    const number = await recordRevision(tx, editor, stored, row.status, input.note || 'edited');
    await bumpContent(tx, row.id);
    await recordAudit(tx, editor, 'article.edit', row.id, { revision: number });
    return { id: row.id, version: input.version + 1, status: row.status, changed: true };
  });
}

function canWritePublished(editor: Editor): boolean {
  try {
    requireCan(editor, 'article.write-published');
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes revision `number` the current content again (as a new revision; nothing is overwritten).
 *
 * @example await restoreRevision(store, editor, id, 1, currentVersion) // → { version: 5, changed: true, … }
 */
export async function restoreRevision(store: Store, editor: Editor, id: string, number: number, version: number): Promise<Saved> {
  const revision = await getRevision(store, id, number);
  if (!revision) throw new MizanError('not-found', `article ${id} has no revision ${number}`, { status: 404 });
  const current = await store.getArticle(id);
  if (!current) throw new MizanError('not-found', `no article ${id}`, { status: 404 });
  // Translations are links between articles, not content of one revision: keep today's.
  const article = { ...revision.article, id, path: current.path, translations: current.translations };
  return saveEdit(store, editor, { article, version, note: `restored revision ${number}` });
}
