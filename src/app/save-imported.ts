/**
 * @module Saving an imported article in the state its file declares. A page file that says nothing is
 * published when new (as an import always was) and keeps its state when it updates an article; a file
 * that says `status: draft` (as `mizan export` writes it) stays a draft, so exporting and importing never
 * publishes private work, and a non-public article never reaches the search index or the knowledge tags.
 */
import type { Article, ArticleState, ArticleStatus } from '../model/index.ts';
import type { PutResult, Store } from '../store/index.ts';
import { edb } from './accounts/tables.ts';
import { bumpContent } from './editorial/workflow.ts';
import { afterDeleteHooks, afterSaveHooks } from './hooks.ts';
import { afterImport, beforeImport } from './import-guard.ts';
import type { Actor } from './accounts/audit.ts';

/** Who imports which file; `force` overwrites articles edited since their last import (import-guard.ts). */
export interface ImportGuard {
  file: string;
  force?: boolean;
  actor: Actor;
}

/**
 * Stores `article` with `state` (or the state it has, or published when new) and brings what is derived
 * from it in step, inside the caller's transaction.
 *
 * @example await saveImported(tx, article, { status: 'draft', publishAt: null }) // → { id, status: 'created' }, not searchable
 */
export async function saveImported(tx: Store, article: Article, state: ArticleState | null, guard?: ImportGuard): Promise<PutResult & { overwrote?: boolean }> {
  const db = edb(tx);
  const seen = guard ? await beforeImport(tx, article.path) : undefined;
  const before = await db.selectFrom('articles').select(['id', 'status']).where('path', '=', article.path).executeTakeFirst();
  const was = (before?.status ?? null) as ArticleStatus | null;
  const status: ArticleStatus = state?.status ?? was ?? 'published';
  const put = await tx.putArticle(article); // a new row starts published
  const id = put.id;
  let moved = (was ?? 'published') !== status;
  if (moved) await db.updateTable('articles').set({ status, modified_at: new Date().toISOString() }).where('id', '=', id).execute();
  if (state) {
    const scheduled = await db.selectFrom('schedule').select('publish_at').where('article_id', '=', id).executeTakeFirst();
    if ((scheduled?.publish_at ?? null) !== state.publishAt) {
      await db.deleteFrom('schedule').where('article_id', '=', id).execute();
      if (state.publishAt) await db.insertInto('schedule').values({ article_id: id, publish_at: state.publishAt }).execute();
      moved = true;
    }
  }
  if (put.status === 'unchanged' && !moved) return put;
  // Whatever the import writes (text, or a state the file declares) would overwrite an editor's text,
  // pending change or status step: the guard refuses it unless forced.
  const { overwrote } = guard ? await afterImport(tx, seen, id, guard.file, guard) : { overwrote: false };
  if (status === 'published') {
    const stored = await tx.getArticle(id);
    if (stored) for (const hook of afterSaveHooks) await hook(tx, stored);
  } else {
    for (const hook of afterDeleteHooks) await hook(tx, id);
  }
  if (moved) await bumpContent(tx);
  return { id, status: put.status === 'unchanged' ? 'updated' : put.status, overwrote };
}
