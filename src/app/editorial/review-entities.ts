/**
 * @module Reviewing what the knowledge layer suggests an article speaks of: every role sees the
 * suggestions with their status; editors and admins (`knowledge.review`) accept or reject them. A decision
 * is kept across re-tagging (see docs/knowledge.md); rejecting an entity takes the article off that
 * entity's public pages and out of the article's public entities. There is no "back to suggested": the
 * knowledge layer keeps accepted or rejected only, and either can be turned into the other.
 */
import { MizanError } from '../../lib/index.ts';
import type { Store } from '../../store/index.ts';
import { articleEntities, decideEntity, type ArticleEntity, type Decision, type EntityKind } from '../../knowledge/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { storeGazetteer } from '../tag-article.ts';
import { indexWithCountries } from '../index-with-countries.ts';
import { requireCan, type Editor } from './editor.ts';
import { bumpContent } from './workflow.ts';

export const DECISIONS: readonly Decision[] = ['accepted', 'rejected'];

function noArticle(id: string): MizanError {
  return new MizanError('not-found', `no article ${id.slice(0, 80)}`, { status: 404 });
}

/**
 * An article's entity suggestions, rejected ones included, named in `lang` (the interface's language).
 * Only published articles are tagged, so a draft has none yet.
 *
 * @example (await entitySuggestions(store, editor, id, 'en'))[0] // → { kind: 'country', id: 'DZ', name: 'Algeria', salience: 0.9, status: 'suggested' }
 */
export async function entitySuggestions(store: Store, editor: Editor, articleId: string, lang: string): Promise<ArticleEntity[]> {
  requireCan(editor, 'article.view');
  const exists = await store.db.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst();
  if (!exists) throw noArticle(articleId);
  return articleEntities(store, articleId, { lang, withRejected: true, gazetteer: await storeGazetteer(store) });
}

/**
 * Accepts or rejects one of an article's entities, with its audit entry, in one transaction. Only an
 * entity the article is tagged with (or already decided on) can be decided.
 *
 * @example await decideSuggestion(store, editor, { articleId, kind: 'country', id: 'ES', status: 'rejected' })
 */
export async function decideSuggestion(store: Store, editor: Editor, d: { articleId: string; kind: string; id: string; status: string }): Promise<void> {
  requireCan(editor, 'knowledge.review');
  if (!(DECISIONS as readonly string[]).includes(d.status)) throw new MizanError('bad-decision', `a decision is accepted or rejected, not '${d.status.slice(0, 20)}'`, { status: 422 });
  await store.transaction(async (tx) => {
    const exists = await tx.db.selectFrom('articles').select(['id', 'status']).where('id', '=', d.articleId).executeTakeFirst();
    if (!exists) throw noArticle(d.articleId);
    const known = await articleEntities(tx, d.articleId, { withRejected: true });
    const entity = known.find((e) => e.kind === d.kind && e.id === d.id);
    if (!entity) throw new MizanError('not-found', `article ${d.articleId} is not tagged with ${d.kind.slice(0, 20)} ${d.id.slice(0, 40)}`, { status: 404 });
    if (entity.status === d.status) return;
    await decideEntity(tx, { articleId: d.articleId, kind: d.kind as EntityKind, id: d.id, status: d.status as Decision, by: editor.email });
    // A country accepted or rejected moves the article in or out of the search's country facet.
    if (d.kind === 'country' && exists.status === 'published') {
      const article = await tx.getArticle(d.articleId);
      if (article) await indexWithCountries(tx, article);
    }
    await bumpContent(tx);
    await recordAudit(tx, editor, `entity.${d.status === 'accepted' ? 'accept' : 'reject'}`, d.articleId, { kind: d.kind, id: d.id, from: entity.status });
  });
}
