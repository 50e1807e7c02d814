/**
 * @module Whose article it is. Authors write and submit only the articles they own: those they created
 * and those an editor named them on (`article_owners`). Editors and admins (`article.write-any`) change
 * every article. Checked in the use cases every change goes through (saveEdit, transition), so each
 * route that edits, links, restores or submits is covered.
 */
import type { Store } from '../../store/index.ts';
import { can } from '../accounts/permissions.ts';
import { recordAudit } from '../accounts/audit.ts';
import { edb } from '../accounts/tables.ts';
import { requireCan, type Editor } from './editor.ts';
import { ForbiddenError } from './errors.ts';

/** Whether `editor` may change article `articleId`: by role, or as one of its owners. */
export async function mayChange(store: Store, editor: Editor, articleId: string): Promise<boolean> {
  if (can(editor.role, 'article.write-any')) return true;
  if (!editor.id) return false;
  const row = await edb(store)
    .selectFrom('article_owners')
    .select('user_id')
    .where('article_id', '=', articleId)
    .where('user_id', '=', editor.id)
    .executeTakeFirst();
  return !!row;
}

/** Throws ForbiddenError unless `editor` may change the article. */
export async function requireOwnership(store: Store, editor: Editor, articleId: string): Promise<void> {
  if (!(await mayChange(store, editor, articleId))) {
    throw new ForbiddenError('authors change only their own articles and those they are named on');
  }
}

/** Records `userId` as an owner of the article (its creator, or an account an editor names on it). */
export async function addOwner(store: Store, articleId: string, userId: string): Promise<void> {
  await edb(store).insertInto('article_owners').values({ article_id: articleId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * An editor names an account on an article, so that author may edit and submit it too.
 *
 * @example await nameOnArticle(store, editor, articleId, authorUserId)
 */
export async function nameOnArticle(store: Store, editor: Editor, articleId: string, userId: string): Promise<void> {
  requireCan(editor, 'article.write-any');
  await store.transaction(async (tx) => {
    await addOwner(tx, articleId, userId);
    await recordAudit(tx, editor, 'article.name-owner', articleId, { userId });
  });
}
