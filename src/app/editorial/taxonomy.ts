/**
 * @module Editing experts (name, title, bio per language) and topics, regions (name per language).
 * Article documents carry their authors' and terms' names, so a change is written to every article
 * that shows it too — each through `saveEdit`, with its revision — in one transaction.
 */
import { FieldError, MizanError } from '../../lib/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { requireCan, type Editor } from './editor.ts';
import { articleState, saveEdit } from './edit-article.ts';
import { sanitizeLine, sanitizeText } from './sanitize.ts';


/**
 * Sets an expert's name, title and bio in one language.
 *
 * @example await updateExpert(store, editor, { id, lang: 'ar', name: 'سابينا هينبرج', title: null, bio: '…' })
 */
export async function updateExpert(store: Store, editor: Editor, input: { id: string; lang: string; name: string; title: string | null; bio: string }): Promise<number> {
  requireCan(editor, 'taxonomy.edit');
  const name = sanitizeLine(input.name);
  const title = input.title ? sanitizeLine(input.title) : null;
  const bio = sanitizeText(input.bio).trim();
  if (!name) throw new FieldError('invalid-expert', 'an expert needs a name', { field: 'name', rule: 'required' });
  return store.transaction(async (tx) => {
    const row = await tx.db.selectFrom('expert_names').selectAll().where('expert_id', '=', input.id).where('lang', '=', input.lang).executeTakeFirst();
    if (!row) throw new MizanError('not-found', `no expert ${input.id} in ${input.lang}`, { status: 404 });
    const links = await tx.db.selectFrom('article_authors').innerJoin('articles', 'articles.id', 'article_authors.article_id').select('articles.id').where('expert_id', '=', input.id).where('articles.lang', '=', input.lang).execute();
    let n = 0;
    for (const id of new Set(links.map((l) => l.id))) {
      const article = await tx.getArticle(id);
      const state = await articleState(tx, id);
      if (!article || !state) continue;
      const authors = article.authors.map((a) => (a.slug === row.slug ? { ...a, name, title, bio } : a));
      const saved = await saveEdit(tx, { ...editor, role: 'admin' }, { article: { ...article, authors }, version: state.version, note: `expert ${row.slug} edited` });
      if (saved.changed) n++;
    }
    await tx.db.updateTable('expert_names').set({ name, title, bio }).where('expert_id', '=', input.id).where('lang', '=', input.lang).execute();
    await tx.recordChange([`expert:${input.id}`]);
    await recordAudit(tx, editor, 'expert.edit', input.id, { lang: input.lang, articles: n });
    return n;
  });
}

/**
 * Renames a topic or region in one language (its address stays).
 *
 * @example await renameTerm(store, editor, { id, lang: 'en', name: 'North Africa' })
 */
export async function renameTerm(store: Store, editor: Editor, input: { id: string; lang: string; name: string }): Promise<number> {
  requireCan(editor, 'taxonomy.edit');
  const name = sanitizeLine(input.name);
  if (!name) throw new FieldError('invalid-term', 'a topic or region needs a name', { field: 'name', rule: 'required' });
  return store.transaction(async (tx) => {
    const row = await tx.db.selectFrom('term_names').selectAll().where('term_id', '=', input.id).where('lang', '=', input.lang).executeTakeFirst();
    if (!row) throw new MizanError('not-found', `no topic or region ${input.id} in ${input.lang}`, { status: 404 });
    const links = await tx.db.selectFrom('article_terms').innerJoin('articles', 'articles.id', 'article_terms.article_id').select('articles.id').where('term_id', '=', input.id).where('articles.lang', '=', input.lang).execute();
    let n = 0;
    for (const id of new Set(links.map((l) => l.id))) {
      const article = await tx.getArticle(id);
      const state = await articleState(tx, id);
      if (!article || !state) continue;
      const rename = <T extends { slug: string; name: string }>(t: T): T => (t.slug === row.slug ? { ...t, name } : t);
      const saved = await saveEdit(tx, { ...editor, role: 'admin' }, { article: { ...article, topics: article.topics.map(rename), regions: article.regions.map(rename) }, version: state.version, note: `term ${row.slug} renamed` });
      if (saved.changed) n++;
    }
    await tx.db.updateTable('term_names').set({ name }).where('term_id', '=', input.id).where('lang', '=', input.lang).execute();
    await tx.recordChange([`term:${input.id}`]);
    await recordAudit(tx, editor, 'term.edit', input.id, { lang: input.lang, name, articles: n });
    return n;
  });
}
