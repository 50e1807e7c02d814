/**
 * @module An article's related items ("recommended reading") as the editor sees and changes them. An item
 * is either an article of this site or an outside piece known only by its title (and the address its page
 * gave): imported pages bring both kinds. A change adds chosen site articles after the current items and
 * takes off only the items the editor removed by name, so what the form did not show is never lost; a
 * value that names no article of this site is refused before anything is written.
 */
import { FieldError, MizanError } from '../../lib/index.ts';
import { articlePath, type Article, type RelatedRef } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { slugify } from '../../text/index.ts';
import { requireCan, type Editor } from './editor.ts';
import { articleState, saveEdit, type Saved } from './edit-article.ts';
import { requireOwnership } from './ownership.ts';

/** Most articles one save may add (the select offers a page of articles, not the whole site). */
export const MAX_RELATED_ADDED = 50;

/** A related item with what the editor needs to show it: its key (to remove it) and the site article it leads to, if any. */
export interface RelatedItem extends RelatedRef {
  key: string;
  /** The stored article the item leads to (by its address, a former address, or the address its title gives), or null. */
  articleId: string | null;
}

/** The values of a related-items form: article ids to add, item keys to take off. */
export interface RelatedChange {
  add: readonly string[];
  remove: readonly string[];
}

/** Some values sent to add name no article that may be chosen here (HTTP 400); nothing was changed. */
export class UnknownRelatedError extends MizanError {
  readonly values: string[];
  constructor(values: string[]) {
    super('unknown-related', `not an article of this site: ${values.map((v) => JSON.stringify(v.slice(0, 80))).join(', ')}; nothing was changed`, { status: 400 });
    this.name = 'UnknownRelatedError';
    this.values = values;
  }
}

/**
 * What names an item among an article's related items: its address, or (an item without one) its language and title.
 *
 * @example relatedKey({ path: '/policy-analysis/x', … }) // → '/policy-analysis/x'
 * @example relatedKey({ path: null, lang: 'ar', title: 'استطلاع', … }) // → 'ar:استطلاع'
 */
export function relatedKey(r: Pick<RelatedRef, 'path' | 'lang' | 'title'>): string {
  return r.path ?? `${r.lang}:${r.title}`;
}

/**
 * The addresses an item may be found at here, in order: its own, then the one its title gives under the
 * site's slug scheme (imported items often name a piece by title alone).
 *
 * @example relatedPaths({ path: null, lang: 'en', title: 'Gas in the Sahel' }) // → ['/policy-analysis/gas-in-the-sahel']
 */
export function relatedPaths(r: Pick<RelatedRef, 'path' | 'lang' | 'title'>): string[] {
  const byTitle = r.title ? articlePath(r.lang, slugify(r.title)) : null;
  return [...new Set([r.path, byTitle].filter((p): p is string => !!p))];
}

/** The stored article an item leads to, whatever its state, or null. */
async function articleOf(store: Store, r: RelatedRef): Promise<string | null> {
  for (const path of relatedPaths(r)) {
    const target = await store.resolvePath(path);
    if (target?.kind === 'article') return target.id;
  }
  return null;
}

/**
 * Every related item of `article`, in order, each with its key and the site article it leads to.
 *
 * @example await relatedItems(store, article) // → [{ title: 'Libya Floods…', key: '/policy-analysis/libya-…', articleId: null, … }, …]
 */
export async function relatedItems(store: Store, article: Article): Promise<RelatedItem[]> {
  const out: RelatedItem[] = [];
  for (const r of article.related) out.push({ ...r, key: relatedKey(r), articleId: await articleOf(store, r) });
  return out;
}

/**
 * Adds the chosen site articles (ids) after the current items and takes off the items whose keys are in
 * `remove`; every other item stays as it was. An id that names no stored article, or the article itself,
 * refuses the whole change (UnknownRelatedError); an article already related is not added twice; a key no
 * item has any more is ignored.
 *
 * @example await changeRelated(store, editor, id, { add: [otherId], remove: ['/policy-analysis/old'] }, version) // → { version: version + 1, changed: true, … }
 */
export async function changeRelated(store: Store, editor: Editor, id: string, change: RelatedChange, version?: number): Promise<Saved> {
  requireCan(editor, 'article.write');
  const article = await store.getArticle(id);
  const state = await articleState(store, id);
  if (!article || !state) throw new MizanError('not-found', `no article ${id}`, { status: 404 });
  // Who may not change the article hears that first, whatever the values.
  await requireOwnership(store, editor, id);
  if (change.add.length > MAX_RELATED_ADDED) {
    throw new FieldError('too-many-related', `related: at most ${MAX_RELATED_ADDED} articles may be added at once`, { field: 'related', rule: 'too-many', limit: MAX_RELATED_ADDED }, { status: 400 });
  }
  const chosen: Article[] = [];
  const unknown: string[] = [];
  for (const rid of change.add) {
    const other = rid === id ? undefined : await store.getArticle(rid);
    if (other) chosen.push(other);
    else unknown.push(rid);
  }
  if (unknown.length) throw new UnknownRelatedError(unknown);
  const gone = new Set(change.remove);
  const kept = (await relatedItems(store, article)).filter((r) => !gone.has(r.key));
  const have = new Set(kept.flatMap((r) => [r.key, ...(r.articleId ? [r.articleId] : [])]));
  const related: RelatedRef[] = kept.map(({ key: _key, articleId: _id, ...r }) => r);
  for (const other of chosen) {
    if (have.has(other.id) || have.has(other.path)) continue;
    have.add(other.id);
    related.push({ type: other.type, lang: other.lang, title: other.title, authors: other.authors.map((x) => x.name), path: other.path });
  }
  return saveEdit(store, editor, { article: { ...article, related }, version: version ?? state.version, note: 'related items changed' });
}
