/**
 * @module Memoized store reads for the public pages: the same question asked again while nothing it
 * was read from has changed (and for at most a few seconds) is answered from memory, so a page rendered
 * per request spends its time rendering, not re-reading. An article's reads are kept across changes to
 * other articles; reads that span many (lists, paths) are dropped on any change. Only the reading site
 * uses it; the editors' side reads the store itself, always fresh.
 */
import { photosBySlug, withCountries, type ExpertPhoto } from '../app/index.ts';
import type { Article } from '../model/index.ts';
import type { ArticleQuery, ArticleSummary, ExpertView, Page, PathTarget, Store, TermView } from '../store/index.ts';
import { clockOf } from './versioned-store.ts';
import type { WebDeps } from './web-deps.ts';

export interface Reads {
  resolvePath(path: string): Promise<PathTarget | undefined>;
  /** The article if readers may see it (published); drafts, scheduled and withdrawn pieces are not there. */
  getArticle(id: string): Promise<Article | undefined>;
  /** Whether the article is published. */
  isPublished(id: string): Promise<boolean>;
  listArticles(query: ArticleQuery): Promise<Page<ArticleSummary>>;
  getTerm(id: string, lang: string): Promise<TermView | undefined>;
  getExpert(id: string, lang: string): Promise<ExpertView | undefined>;
  /** The countries a published article is about: its own list, then those the knowledge layer found (app's `withCountries`). */
  countries(article: Article): Promise<Article['countries']>;
  /** The photos of the experts with these slugs in `lang`, by slug (app's `photosBySlug`). */
  photos(lang: string, slugs: string[]): Promise<Map<string, ExpertPhoto>>;
  /**
   * Present when the reads are a still picture of the store (a build's snapshot): `load()` read once per
   * `key` for as long as the picture is read.
   */
  once?<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * The reads a site request goes through: the build's snapshot when the app was made with one
 * (`deps.reads`), else the memoized reads over the store.
 *
 * @example const target = await readsOf(deps).resolvePath('/ar/policy-analysis/x')
 */
export function readsOf(deps: WebDeps): Reads {
  return deps.reads ?? cachedReads(deps.store);
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
 * @example const article = await readsOf(deps).getArticle(id)
 */
export function cachedReads(store: Store): Reads {
  let reads = byStore.get(store);
  if (reads) return reads;
  const clock = clockOf(store);
  const memo = new Map<string, { gen: number; tags: string[] | null; at: number; value: Promise<unknown> }>();
  const through = <T>(key: string, tags: string[] | null, load: () => Promise<T>): Promise<T> => {
    if (!clock) return load();
    const now = Date.now();
    const hit = memo.get(key);
    if (hit && now - hit.at <= TTL_MS && clock.fresh(hit.gen, hit.tags)) return hit.value as Promise<T>;
    const value = load();
    memo.delete(key);
    memo.set(key, { gen: clock.gen, tags, at: now, value });
    // A failed read is not remembered.
    value.catch(() => memo.delete(key));
    while (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
    return value;
  };
  reads = {
    resolvePath: (path) => through(`p ${path}`, null, () => store.resolvePath(path)),
    getArticle: (id) => through(`a ${id}`, [`article:${id}`], async () => ((await publishedStatus(store, id)) ? store.getArticle(id) : undefined)),
    isPublished: (id) => through(`s ${id}`, [`article:${id}`], () => publishedStatus(store, id)),
    listArticles: (query) => through(`l ${JSON.stringify(query)}`, null, () => store.listArticles(query)),
    getTerm: (id, lang) => through(`t ${id} ${lang}`, null, () => store.getTerm(id, lang)),
    getExpert: (id, lang) => through(`e ${id} ${lang}`, null, () => store.getExpert(id, lang)),
    // What the knowledge layer found in an article changes with the article (its tagging records it).
    countries: (article) => through(`c ${article.id}`, [`article:${article.id}`], async () => (await withCountries(store, article)).countries),
    // Keyed by slug, which no tag names: dropped on any change.
    photos: (lang, slugs) => through(`ph ${lang} ${slugs.join(' ')}`, null, () => photosBySlug(store, lang, slugs)),
  };
  byStore.set(store, reads);
  return reads;
}

/**
 * `load()` read once per `key` while the site renders a build (its reads are a still picture of the store:
 * a form's choices or a directory are the same for every page that shows them); on a server, each time it
 * is asked (the page cache keeps pages, and a write must show at once).
 *
 * @example const choices = await onceInBuild(deps, `subscribe ${lang}`, () => choicesOf(store, lang))
 */
export function onceInBuild<T>(deps: WebDeps, key: string, load: () => Promise<T>): Promise<T> {
  return deps.reads?.once ? deps.reads.once(`build ${key}`, load) : load();
}
