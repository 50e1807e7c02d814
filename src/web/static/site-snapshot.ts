/**
 * @module The reads of one `mizan build`: every path and every article's workflow status loaded at once,
 * so an article page asks the database only for its own document and what the knowledge layer found in
 * it, not for each link it checks (its translations, its "read next" items, its topics). Lists, terms,
 * experts and photos are read once each and kept for the build. The answers are those of the memoized
 * reads the server uses (read-cache.ts), from the same store methods, so each page holds the server's bytes;
 * a build reads a still picture, so nothing here is ever dropped.
 */
import { countriesOfAll, photosBySlug, type ExpertPhoto } from '../../app/index.ts';
import type { PathTarget, Store } from '../../store/index.ts';
import type { Reads } from '../read-cache.ts';

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
export async function siteSnapshot(store: Store): Promise<Reads> {
  const paths = new Map<string, PathRow>();
  for (const r of await store.db.selectFrom('paths').select(['path', 'kind', 'ref_id', 'lang', 'redirect_to']).execute()) {
    paths.set(r.path, { kind: r.kind, ref_id: r.ref_id, lang: r.lang, redirect_to: r.redirect_to });
  }
  const published = new Set<string>();
  for (const r of await store.db.selectFrom('articles').select('id').where('status', '=', 'published').execute()) published.add(r.id);
  // Every article page shows its countries: read for all articles at once, not three queries a page.
  const withCountries = await countriesOfAll(store);

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
    getArticle: async (id) => (published.has(id) ? store.getArticle(id) : undefined),
    isPublished: async (id) => published.has(id),
    listArticles: (query) => once(`l ${JSON.stringify(query)}`, () => store.listArticles(query)),
    getTerm: (id, lang) => once(`t ${id} ${lang}`, () => store.getTerm(id, lang)),
    getExpert: (id, lang) => once(`e ${id} ${lang}`, () => store.getExpert(id, lang)),
    countries: async (article) => withCountries(article).countries,
    photos: (lang, slugs): Promise<Map<string, ExpertPhoto>> => once(`ph ${lang} ${slugs.join(' ')}`, () => photosBySlug(store, lang, slugs)),
  };
}
