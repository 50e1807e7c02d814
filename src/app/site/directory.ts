/**
 * @module The site's index pages as data: experts A–Z (optionally those who wrote on a topic), topics
 * and regions, and the countries the published articles speak of, each with its count of published
 * articles. Only what readers may see is counted (status 'published').
 */
import { countryPath, expertPath, termPath, type TermKind } from '../../model/index.ts';
import { countryNames } from '../../knowledge/index.ts';
import type { Store } from '../../store/index.ts';
import { normalize } from '../../text/index.ts';

export interface ExpertEntry {
  id: string;
  name: string;
  title: string | null;
  path: string;
  /** The letter the A–Z index files this name under (compared as `normalize` folds it: أحمد and احمد both under ا). */
  initial: string;
  /** Published articles in the page's language (an expert who wrote only in others is listed with 0). */
  articles: number;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  path: string;
  articles: number;
}

const collators = new Map<string, Intl.Collator>();
function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang, { sensitivity: 'base', numeric: true })));
  return c;
}

/**
 * The letter a name is filed under.
 *
 * @example initialOf('إريك يافورسكي') // → 'ا'
 * @example initialOf('layla') // → 'L'
 */
export function initialOf(name: string): string {
  const first = [...normalize(name.trim())][0] ?? '#';
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase() : '#';
}

/** Published articles per expert, in `lang` or in any language. */
async function expertCounts(store: Store, termId?: string, lang?: string): Promise<Map<string, number>> {
  let q = store.db
    .selectFrom('article_authors as aa')
    .innerJoin('articles as a', 'a.id', 'aa.article_id')
    .where('a.status', '=', 'published')
    .select(['aa.expert_id', (eb) => eb.fn.count<number>('a.id').distinct().as('n')])
    .groupBy('aa.expert_id');
  if (lang) q = q.where('a.lang', '=', lang);
  if (termId) q = q.innerJoin('article_terms as t', 't.article_id', 'a.id').where('t.term_id', '=', termId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.expert_id, Number(r.n)]));
}

/**
 * Every expert with a name in `lang` who has published work (on `topicId` when given), in the
 * language's alphabetical order.
 */
export async function expertDirectory(store: Store, lang: string, opts: { topicId?: string } = {}): Promise<ExpertEntry[]> {
  const [names, counts, own] = await Promise.all([
    store.db.selectFrom('expert_names').select(['expert_id', 'slug', 'name', 'title']).where('lang', '=', lang).execute(),
    expertCounts(store, opts.topicId),
    expertCounts(store, opts.topicId, lang),
  ]);
  const c = collator(lang);
  return names
    .filter((n) => counts.has(n.expert_id))
    .map((n) => ({ id: n.expert_id, name: n.name, title: n.title, path: expertPath(lang, n.slug), initial: initialOf(n.name), articles: own.get(n.expert_id) ?? 0 }))
    .sort((a, b) => c.compare(normalize(a.name), normalize(b.name)) || a.id.localeCompare(b.id));
}

/** Topics or regions named in `lang` with at least one published article, alphabetically. */
export async function termDirectory(store: Store, kind: Exclude<TermKind, 'country'>, lang: string): Promise<DirectoryEntry[]> {
  const rows = await store.db
    .selectFrom('term_names as n')
    .innerJoin('terms', 'terms.id', 'n.term_id')
    .innerJoin('article_terms as at', 'at.term_id', 'n.term_id')
    .innerJoin('articles as a', 'a.id', 'at.article_id')
    .where('terms.kind', '=', kind)
    .where('n.lang', '=', lang)
    .where('a.status', '=', 'published')
    // One term is shared by an article and its translation: count the articles of this language.
    .where('a.lang', '=', lang)
    .select(['n.term_id', 'n.slug', 'n.name', (eb) => eb.fn.count<number>('a.id').distinct().as('n')])
    .groupBy(['n.term_id', 'n.slug', 'n.name'])
    .execute();
  const c = collator(lang);
  return rows
    .map((r) => ({ id: r.term_id, name: r.name, path: termPath(lang, r.slug), articles: Number(r.n) }))
    .sort((a, b) => c.compare(normalize(a.name), normalize(b.name)));
}

/** The topic a slug names in `lang`, for the experts page's filter. */
export async function topicBySlug(store: Store, lang: string, slug: string): Promise<{ id: string; name: string } | undefined> {
  const row = await store.db
    .selectFrom('term_names as n')
    .innerJoin('terms', 'terms.id', 'n.term_id')
    .where('terms.kind', '=', 'topic')
    .where('n.lang', '=', lang)
    .where('n.slug', '=', slug)
    .select(['n.term_id', 'n.name'])
    .executeTakeFirst();
  return row ? { id: row.term_id, name: row.name } : undefined;
}

/**
 * The countries the published articles in `lang` speak of (as the knowledge layer read them, less what
 * editors rejected), named in `lang`, alphabetically.
 */
export async function countryDirectory(store: Store, lang: string): Promise<DirectoryEntry[]> {
  const db = store.db.withTables<{
    knowledge_entity: { article_id: string; kind: string; entity_id: string };
    knowledge_decision: { article_id: string; kind: string; entity_id: string; status: string };
  }>();
  const [found, decided] = await Promise.all([
    db
      .selectFrom('knowledge_entity as e')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .where('e.kind', '=', 'country')
      .where('a.status', '=', 'published')
      .where('a.lang', '=', lang)
      .select(['e.entity_id', 'e.article_id'])
      .execute(),
    db
      .selectFrom('knowledge_decision as d')
      .innerJoin('articles as a', 'a.id', 'd.article_id')
      .where('d.kind', '=', 'country')
      .where('a.status', '=', 'published')
      .where('a.lang', '=', lang)
      .select(['d.entity_id', 'd.article_id', 'd.status'])
      .execute(),
  ]);
  const pairs = new Set(found.map((r) => `${r.entity_id} ${r.article_id}`));
  for (const d of decided) {
    const key = `${d.entity_id} ${d.article_id}`;
    if (d.status === 'rejected') pairs.delete(key);
    else pairs.add(key);
  }
  const counts = new Map<string, number>();
  for (const key of pairs) {
    const code = key.split(' ')[0];
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const names = countryNames(lang === 'ar' ? 'ar' : 'en');
  const c = collator(lang);
  return [...counts]
    .filter(([code]) => /^[A-Z]{2}$/.test(code) && names[code])
    .map(([code, n]) => ({ id: code, name: names[code][0], path: countryPath(lang, code), articles: n }))
    .sort((a, b) => c.compare(normalize(a.name), normalize(b.name)));
}

/**
 * The pairs of countries whose relationship page has something to show: two states acting together in
 * an event of a published article, as the country pages link them. Codes upper case, each pair in
 * alphabetical order, pairs sorted.
 *
 * @example await relationDirectory(store) // → [['DZ', 'RU'], ['DZ', 'US'], …]
 */
export async function relationDirectory(store: Store): Promise<[string, string][]> {
  const db = store.db.withTables<{ knowledge_event: { article_id: string; actors: string } }>();
  const rows = await db
    .selectFrom('knowledge_event as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .where('a.status', '=', 'published')
    .select('e.actors')
    .distinct()
    .execute();
  const pairs = new Set<string>();
  for (const r of rows) {
    const codes = [...new Set(r.actors.split(',').filter((c) => /^[A-Z]{2}$/.test(c)))].sort();
    for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) pairs.add(`${codes[i]}-${codes[j]}`);
  }
  return [...pairs].sort().map((p) => p.split('-') as [string, string]);
}
