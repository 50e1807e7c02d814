/**
 * @module Changes to a published article go through review: saved from the editor they become a pending
 * change (one per article: a draft, then in review), recorded as a revision, while the published version
 * stays exactly as readers see it. Approving applies the change in one transaction (the live document,
 * its search entry and tags, a revision, the audit); discarding drops it. The optimistic lock is the
 * article's own version, so two editors proposing at once still meet the conflict view.
 */
import type { Kysely } from 'kysely';
import { MizanError } from '../../lib/index.ts';
import type { Article } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { saveArticle } from '../save-article.ts';
import { requireCan, type Editor } from './editor.ts';
import { validated, type Saved } from './edit-article.ts';
import { ConflictError, StateError } from './errors.ts';
import { notifyReviewers } from './outbox.ts';
import { ensureBaseline, recordRevision } from './revisions.ts';
import { bumpContent, syncDerived } from './workflow.ts';

export interface PendingChange {
  articleId: string;
  article: Article;
  status: 'draft' | 'review';
  note: string;
  userEmail: string | null;
  createdAt: string;
  updatedAt: string;
}

interface PendingTable {
  article_id: string;
  doc: string;
  status: string;
  note: string;
  user_id: string | null;
  user_email: string | null;
  created_at: string;
  updated_at: string;
}

function pdb(store: Store): Kysely<{ pending_changes: PendingTable }> {
  return store.db as unknown as Kysely<{ pending_changes: PendingTable }>;
}

/** The change proposed to a published article, if any. */
export async function getPendingChange(store: Store, articleId: string): Promise<PendingChange | undefined> {
  const r = await pdb(store).selectFrom('pending_changes').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  return r && { articleId: r.article_id, article: JSON.parse(r.doc) as Article, status: r.status as 'draft' | 'review', note: r.note, userEmail: r.user_email, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Every pending change, newest first (for the review queue). */
export async function listPendingChanges(store: Store): Promise<PendingChange[]> {
  const rows = await pdb(store).selectFrom('pending_changes').select('article_id').orderBy('updated_at', 'desc').execute();
  const out: PendingChange[] = [];
  for (const r of rows) {
    const p = await getPendingChange(store, r.article_id);
    if (p) out.push(p);
  }
  return out;
}

/**
 * Saves `article` as the pending change of the published article it is (the live one is untouched).
 * `version` is the article version the editor loaded.
 *
 * @example await proposeChange(store, editor, { article, version: 4 }) // → { version: 5, status: 'published', changed: true }
 */
export async function proposeChange(store: Store, editor: Editor, input: { article: Article; version: number; note?: string }): Promise<Saved> {
  requireCan(editor, 'article.write');
  const article = validated(input.article);
  return store.transaction(async (tx) => {
    const row = await tx.db.selectFrom('articles').select(['id', 'path', 'status', 'version']).where('id', '=', article.id).executeTakeFirst();
    if (!row) throw new MizanError('not-found', `no article ${article.id}`, { status: 404 });
    if (row.status !== 'published') throw new StateError('only a published article takes changes for review');
    if (row.path !== article.path) throw new MizanError('path-fixed', `an article's address cannot change here (${row.path})`);
    const claimed = await tx.db.updateTable('articles').set({ version: input.version + 1 }).where('id', '=', row.id).where('version', '=', input.version).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      const now = await tx.db.selectFrom('articles').select('version').where('id', '=', row.id).executeTakeFirst();
      throw new ConflictError(`someone saved this article after you opened it (you started from version ${input.version}, it is now at version ${now?.version ?? '?'}); your text was not saved and is still in the form`, Number(now?.version ?? 0));
    }
    await ensureBaseline(tx, editor, row.id);
    const now = new Date().toISOString();
    const doc = JSON.stringify(article);
    const had = await getPendingChange(tx, row.id);
    if (had) {
      await pdb(tx).updateTable('pending_changes').set({ doc, note: input.note ?? '', user_id: editor.id, user_email: editor.email, updated_at: now }).where('article_id', '=', row.id).execute();
    } else {
      await pdb(tx).insertInto('pending_changes').values({ article_id: row.id, doc, status: 'draft', note: input.note ?? '', user_id: editor.id, user_email: editor.email, created_at: now, updated_at: now }).execute();
    }
    const number = await recordRevision(tx, editor, article, 'pending', input.note || 'change proposed');
    await recordAudit(tx, editor, 'article.propose-change', row.id, { revision: number });
    return { id: row.id, version: input.version + 1, status: 'published', changed: true };
  });
}

/** Sends the pending change to review and tells the reviewers (through the outbox). */
export async function submitChange(store: Store, editor: Editor, id: string): Promise<void> {
  requireCan(editor, 'article.submit');
  await store.transaction(async (tx) => {
    const p = await getPendingChange(tx, id);
    if (!p) throw new StateError('this article has no change to send for review');
    await pdb(tx).updateTable('pending_changes').set({ status: 'review', updated_at: new Date().toISOString() }).where('article_id', '=', id).execute();
    await notifyReviewers(tx, { articleId: id, title: p.article.title, by: editor.email ?? '', byId: editor.id, change: true });
    await recordAudit(tx, editor, 'article.submit-change', id, {});
  });
}

/** Applies the pending change: the published article becomes it, in one transaction. */
export async function approveChange(store: Store, editor: Editor, id: string): Promise<void> {
  requireCan(editor, 'article.publish');
  await store.transaction(async (tx) => {
    const p = await getPendingChange(tx, id);
    if (!p) throw new StateError('this article has no change to approve');
    const row = await tx.db.selectFrom('articles').select(['status']).where('id', '=', id).executeTakeFirst();
    if (row?.status !== 'published') throw new StateError('the article is no longer published: edit it directly');
    const current = await tx.getArticle(id);
    // Translations and related items are links kept on the article itself: today's win.
    await saveArticle(tx, { ...p.article, translations: current?.translations ?? p.article.translations });
    await syncDerived(tx, id, 'published');
    const stored = (await tx.getArticle(id))!;
    const number = await recordRevision(tx, editor, stored, 'published', `change approved${p.note ? `: ${p.note}` : ''}`);
    await pdb(tx).deleteFrom('pending_changes').where('article_id', '=', id).execute();
    await bumpContent(tx);
    await recordAudit(tx, editor, 'article.approve-change', id, { revision: number, by: p.userEmail });
  });
}

/** Drops the pending change (it stays in the revisions). */
export async function discardChange(store: Store, editor: Editor, id: string): Promise<void> {
  requireCan(editor, 'article.write');
  await store.transaction(async (tx) => {
    const gone = await pdb(tx).deleteFrom('pending_changes').where('article_id', '=', id).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw new StateError('this article has no change to discard');
    await recordAudit(tx, editor, 'article.discard-change', id, {});
  });
}
