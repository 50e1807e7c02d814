/**
 * @module The reads of one `mizan build`: every path and every article's workflow status loaded at once,
 * so an article page asks the database only for its own document and what the knowledge layer found in
 * it, not for each link it checks (its translations, its "read next" items, its topics). Lists, terms,
 * experts and photos are read once each and kept for the build. The answers are those of the memoized
 * reads the server uses (read-cache.ts), from the same store methods, so each page holds the server's bytes;
 * a build reads a still picture, so nothing here is ever dropped.
 */
import { countriesOfAll, photosBySlug, type ExpertPhoto } from '../../app/index.ts';
import { sql } from 'kysely';
import type { Article } from '../../model/index.ts';
import { summaryOfRow, summarySelection, type ArticleQuery, type ArticleSummary, type Page, type PathTarget, type Store } from '../../store/index.ts';
import type { Reads } from '../read-cache.ts';

/** The build's reads, and a way to load the documents of the pages it is about to render in one query. */
export interface SiteSnapshot extends Reads {
  /**
   * Reads at once the published articles at these site paths (others are ignored), each kept until its
   * page asks for it: one query for a batch of pages instead of two per page.
   */
  prefetch(paths: readonly string[]): Promise<void>;
}

/** As the store caps a page of a list. */
const MAX_PAGE = 200;

/** A published article as lists show it, with what lists are filtered by. */
interface Listed {
  summary: ArticleSummary;
  type: string;
  series: string | null;
  terms: Set<string>;
  experts: Set<string>;
}

/**
 * Every published article as the lists show it, newest first as the store's SQL orders them (so that each
 * list here has the store's order), and each list asked for answered from them: the site's listing pages
 * are most of a build's queries otherwise (a count and a page for each).
 */
async function publishedLists(store: Store): Promise<(query: ArticleQuery) => Page<ArticleSummary> | undefined> {
  const terms = new Map<string, Set<string>>();
  for (const r of await store.db.selectFrom('article_terms').select(['article_id', 'term_id']).execute()) {
    let set = terms.get(r.article_id);
    if (!set) terms.set(r.article_id, (set = new Set()));
    set.add(r.term_id);
  }
  const experts = new Map<string, Set<string>>();
  for (const r of await store.db.selectFrom('article_authors').select(['article_id', 'expert_id']).execute()) {
    let set = experts.get(r.article_id);
    if (!set) experts.set(r.article_id, (set = new Set()));
    set.add(r.expert_id);
  }
  const none = new Set<string>();
  const ordered = async (direction: 'desc'): Promise<Listed[]> => {
    const rows = await store.db
      .selectFrom('articles')
      .select(summarySelection(store.engine))
      .where('status', '=', 'published')
      .orderBy(sql`case when published is null then 1 else 0 end`)
      .orderBy('published', direction)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ type: r.type, series: r.series_name, terms: terms.get(r.id) ?? none, experts: experts.get(r.id) ?? none, summary: summaryOfRow(r) }));
  };
  // Newest first, as the site lists them; a list oldest first (the site has none) is left to the store.
  const newest = await ordered('desc');
  const matching = new Map<string, Listed[]>();
  return (query) => {
    const { lang, type, termId, expertId, series, status, order, limit, offset, ...rest } = query;
    if ((status ?? 'published') !== 'published' || order === 'oldest' || Object.keys(rest).length) return undefined;
    const key = JSON.stringify([lang, type, termId, expertId, series]);
    let found = matching.get(key);
    if (!found) {
      found = newest.filter(
        (a) =>
          (!lang || a.summary.lang === lang) &&
          (type ? a.type === type : a.type !== 'page') &&
          (!termId || a.terms.has(termId)) &&
          (!expertId || a.experts.has(expertId)) &&
          (!series || (a.series !== null && series.includes(a.series))),
      );
      matching.set(key, found);
    }
    const from = Math.max(offset ?? 0, 0);
    return { total: found.length, items: found.slice(from, from + Math.min(Math.max(limit ?? 20, 0), MAX_PAGE)).map((a) => a.summary) };
  };
}

/** Articles read in one query by `prefetch` (SQLite's and PostgreSQL's parameter limits are far above it). */
const PREFETCH_MAX = 500;

interface PathRow {
  kind: string;
  ref_id: string;
  lang: string;
  redirect_to: string | null;
}

/** As the store resolves a path: redirects followed, at most 8 hops. */
function resolveIn(rows: Map<string, PathRow>, path: string): PathTarget | undefined {
  let current = path;
  for (let hop = 0; hop < 8; hop++) {
    const row = rows.get(current);
    if (!row) return undefined;
    if (!row.redirect_to) return { kind: row.kind as PathTarget['kind'], id: row.ref_id, lang: row.lang, canonical: current };
    current = row.redirect_to;
  }
  return undefined;
}

/**
 * Loads the snapshot of `store` the build's pages read.
 *
 * @example const app = createWebApp({ store, baseUrl, reads: await siteSnapshot(store) })
 */
export async function siteSnapshot(store: Store): Promise<SiteSnapshot> {
  const paths = new Map<string, PathRow>();
  for (const r of await store.db.selectFrom('paths').select(['path', 'kind', 'ref_id', 'lang', 'redirect_to']).execute()) {
    paths.set(r.path, { kind: r.kind, ref_id: r.ref_id, lang: r.lang, redirect_to: r.redirect_to });
  }
  const published = new Set<string>();
  // Every article's path, whatever its status: what the store's `exists` on a translation says.
  const articlePaths = new Set<string>();
  for (const r of await store.db.selectFrom('articles').select(['id', 'path', 'status']).execute()) {
    articlePaths.add(r.path);
    if (r.status === 'published') published.add(r.id);
  }
  /** Documents read ahead by `prefetch`, by id, until their page takes them. */
  const ahead = new Map<string, Article>();
  // As the store's getArticle answers: each translation says whether an article is stored at its path.
  const withExists = (doc: Article): Article =>
    doc.translations.length === 0 ? doc : { ...doc, translations: doc.translations.map((t) => ({ ...t, exists: articlePaths.has(t.path) })) };
  // Every article page shows its countries: read for all articles at once, not three queries a page.
  const withCountries = await countriesOfAll(store);
  const listed = await publishedLists(store);

  const kept = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let value = kept.get(key) as Promise<T> | undefined;
    if (!value) {
      kept.set(key, (value = load()));
      value.catch(() => kept.delete(key));
    }
    return value;
  };
  return {
    resolvePath: async (path) => resolveIn(paths, path),
    // Each document is read when its page is built, and not kept: a site's documents need not fit in memory.
    getArticle: async (id) => {
      if (!published.has(id)) return undefined;
      const doc = ahead.get(id);
      if (!doc) return store.getArticle(id);
      ahead.delete(id);
      return doc;
    },
    prefetch: async (wanted) => {
      const ids: string[] = [];
      for (const path of wanted) {
        const target = resolveIn(paths, path);
        if (target?.kind === 'article' && published.has(target.id) && !ahead.has(target.id)) ids.push(target.id);
      }
      for (let i = 0; i < ids.length; i += PREFETCH_MAX) {
        const rows = await store.db.selectFrom('articles').select(['id', 'doc']).where('id', 'in', ids.slice(i, i + PREFETCH_MAX)).execute();
        for (const r of rows) ahead.set(r.id, withExists(JSON.parse(r.doc) as Article));
      }
    },
    isPublished: async (id) => published.has(id),
    listArticles: (query) => {
      const page = listed(query);
      return page ? Promise.resolve(page) : once(`l ${JSON.stringify(query)}`, () => store.listArticles(query));
    },
    getTerm: (id, lang) => once(`t ${id} ${lang}`, () => store.getTerm(id, lang)),
    getExpert: (id, lang) => once(`e ${id} ${lang}`, () => store.getExpert(id, lang)),
    countries: async (article) => withCountries(article).countries,
    photos: (lang, slugs): Promise<Map<string, ExpertPhoto>> => once(`ph ${lang} ${slugs.join(' ')}`, () => photosBySlug(store, lang, slugs)),
    once,
  };
}
