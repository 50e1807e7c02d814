/**
 * @module The recommended items under an article: those the page names first, each linked only when it
 * leads to a published article here (its own path, a former path's canonical, or the path its title gives
 * under the site's slug scheme); an item not in the store is shown without a link, never as a 404. Too
 * few named: the newest pieces on the same topics, then the newest in the language.
 */
import { relatedPaths } from '../../app/index.ts';
import { typeLabel, type Article } from '../../model/index.ts';
import { readsOf } from '../read-cache.ts';
import type { Recommendation } from '../views/article-page.tsx';
import { kicker } from '../views/teaser.tsx';
import type { WebDeps } from '../web-deps.ts';

/** The path of the published article `related` names, or null when none is stored. */
async function resolveRelated(deps: WebDeps, r: Article['related'][number], tags: Set<string>): Promise<string | null> {
  const reads = readsOf(deps);
  // Whether it resolves changes when an article of its language is published or unpublished.
  tags.add(`list:${r.lang}`);
  for (const path of relatedPaths(r)) {
    const target = await reads.resolvePath(path);
    if (target?.kind === 'article') tags.add(`article:${target.id}`);
    if (target?.kind === 'article' && (await reads.isPublished(target.id))) return target.canonical;
  }
  return null;
}

/**
 * Adds to `tags` what the answer depends on (the listings it drew from), for precise cache invalidation.
 *
 * @example await recommendations(deps, article, tags) // → [{ title, lang, path: '/policy-analysis/…' | null, label, authors }]
 */
export async function recommendations(deps: WebDeps, a: Article, tags: Set<string> = new Set()): Promise<Recommendation[]> {
  const reads = readsOf(deps);
  const out: Recommendation[] = [];
  const seen = new Set<string>([a.path]);
  for (const r of a.related) {
    if (out.length >= 3) break;
    const path = await resolveRelated(deps, r, tags);
    if (path && seen.has(path)) continue;
    if (path) seen.add(path);
    out.push({ title: r.title, lang: r.lang, path, label: r.type ? typeLabel(r.type, r.lang) : '', authors: r.authors });
  }
  const add = (s: { title: string; lang: string; path: string; typeLabel: string; series: Article['series']; authors: { name: string }[] }) => {
    if (out.length >= 3 || seen.has(s.path)) return;
    seen.add(s.path);
    out.push({ title: s.title, lang: s.lang, path: s.path, label: kicker(s), authors: s.authors.map((x) => x.name) });
  };
  for (const term of [...a.topics, ...a.regions]) {
    if (out.length >= 3) break;
    const target = await reads.resolvePath(term.path);
    if (!target || target.kind !== 'term') continue;
    tags.add(`term:${target.id}`);
    const page = await reads.listArticles({ termId: target.id, lang: a.lang, limit: 6 });
    page.items.forEach(add);
  }
  if (out.length < 3) {
    tags.add(`list:${a.lang}`);
    (await reads.listArticles({ lang: a.lang, limit: 6 })).items.forEach(add);
  }
  return out;
}
