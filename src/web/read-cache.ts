/**
 * @module Memoized store reads for the public pages: the same question asked again while the content
 * version is unchanged (and for at most a few seconds) is answered from memory, so a page rendered per
 * request spends its time rendering, not re-reading. Only the reading site uses it; the editors' side
 * reads the store itself, always fresh.
 */
import type { Article } from '../model/index.ts';
import type { ArticleQuery, ArticleSummary, ExpertView, Page, PathTarget, Store, TermView } from '../store/index.ts';
import { versionOf } from './versioned-store.ts';

export interface Reads {
  resolvePath(path: string): Promise<PathTarget | undefined>;
  /** The article if readers may see it (published); drafts, scheduled and withdrawn pieces are not there. */
  getArticle(id: string): Promise<Article | undefined>;
  /** Whether the article is published. */
  isPublished(id: string): Promise<boolean>;
  listArticles(query: ArticleQuery): Promise<Page<ArticleSummary>>;
  getTerm(id: string, lang: string): Promise<TermView | undefined>;
  getExpert(id: string, lang: string): Promise<ExpertView | undefined>;
}

/** The editors' side keeps a workflow status per article; the public site shows only `published` ones. */
async function publishedStatus(store: Store, id: string): Promise<boolean> {
  const row = await store.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status === 'published';
}

const MAX_ENTRIES = 2000;
const TTL_MS = 5000;
const byStore = new WeakMap<Store, Reads>();

/**
 * The memoized reads over `store` (one memo per store). Answers are shared: callers must not change them.
 *
 * @example const article = await cachedReads(deps.store).getArticle(id)
 */
export function cachedReads(store: Store): Reads {
  let reads = byStore.get(store);
  if (reads) return reads;
  const version = versionOf(store);
  const memo = new Map<string, { version: string; at: number; value: Promise<unknown> }>();
  const through = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!version) return load();
    const v = version();
    const now = Date.now();
    const hit = memo.get(key);
    if (hit && hit.version === v && now - hit.at <= TTL_MS) return hit.value as Promise<T>;
    const value = load();
    memo.delete(key);
    memo.set(key, { version: v, at: now, value });
    // A failed read is not remembered.
    value.catch(() => memo.delete(key));
    while (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
    return value;
  };
  reads = {
    resolvePath: (path) => through(`p ${path}`, () => store.resolvePath(path)),
    getArticle: (id) => through(`a ${id}`, async () => ((await publishedStatus(store, id)) ? store.getArticle(id) : undefined)),
    isPublished: (id) => through(`s ${id}`, () => publishedStatus(store, id)),
    listArticles: (query) => through(`l ${JSON.stringify(query)}`, () => store.listArticles(query)),
    getTerm: (id, lang) => through(`t ${id} ${lang}`, () => store.getTerm(id, lang)),
    getExpert: (id, lang) => through(`e ${id} ${lang}`, () => store.getExpert(id, lang)),
  };
  byStore.set(store, reads);
  return reads;
}
