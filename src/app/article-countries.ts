/**
 * @module The countries an article is about, for readers, the API and the search index's country facet:
 * those its page lists, then those the knowledge layer finds it speaks of (salience at least ABOUT, or
 * accepted by an editor; never one an editor rejected). The stored document is left as imported; this is
 * read beside it.
 */
import { countryPath, type Article } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { articleEntities, entitiesOfKind, type ArticleEntity } from '../knowledge/index.ts';

/** How central a country must be to count as what the article is about (1 = the most named). */
export const ABOUT = 0.25;

/**
 * @example (await withCountries(store, seed)).countries.map((c) => c.code) // → ['DZ', 'RU', 'US', 'UA']
 */
export async function withCountries(store: Store, article: Article): Promise<Article> {
  let entities;
  try {
    entities = await articleEntities(store, article.id, { lang: article.lang });
  } catch {
    // An article the knowledge layer has not seen (not stored, or not yet tagged) keeps its own list.
    return article;
  }
  return countriesFrom(article, entities);
}

/**
 * `withCountries` for many articles, its reads done once up front (two queries, whatever the number of
 * articles): for the static build, which shows every article's countries.
 *
 * @example const add = await countriesOfAll(store); add(article).countries // → the same as withCountries
 */
export async function countriesOfAll(store: Store): Promise<CountriesOfAll> {
  const countriesOf = await entitiesOfKind(store, 'country');
  const add = (article: Article) => countriesFrom(article, countriesOf(article.id, article.lang));
  return Object.assign(add, { found: (id: string, lang: string) => about(countriesOf(id, lang)).map((e) => e.id).join(' ') });
}

/** What `countriesOfAll` gives: the article with its countries, and (`found`) the codes the knowledge layer adds, to compare two readings. */
export type CountriesOfAll = ((article: Article) => Article) & { found(id: string, lang: string): string };

/** The entities that count as countries the article is about. */
function about(entities: ArticleEntity[]): ArticleEntity[] {
  return entities.filter((e) => e.kind === 'country' && (e.status === 'accepted' || e.salience >= ABOUT));
}

function countriesFrom(article: Article, entities: ArticleEntity[]): Article {
  const have = new Set(article.countries.map((c) => c.code));
  const found = about(entities)
    .filter((e) => !have.has(e.id))
    .map((e) => ({ code: e.id, name: e.name, path: countryPath(article.lang, e.id) }));
  return found.length ? { ...article, countries: [...article.countries, ...found] } : article;
}
