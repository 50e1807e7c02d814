/**
 * @module Answering a search: plan the query with the analyzer, let the engine's dialect match and
 * score, then — the same code for both engines — fold translations into one hit, count facets, sort,
 * page and cut snippets. When no article holds every word, the query runs again as any-word, with a
 * notice saying so.
 */
import { sql, type RawBuilder } from 'kysely';
import { langInfo, typeLabel, type ArticleType } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { dialectOf, type MatchRow } from './dialects/index.ts';
import { editVariants, FUZZY_MAX_LENGTH, FUZZY_MIN_LENGTH } from './edit-variants.ts';
import { expandPlan, highlightTerms, isEmptyPlan, planQuery, type Expand, type PlanClause, type QueryPlan } from './plan-query.ts';
import { parseQuerySyntax } from './query-syntax.ts';
import { makeSnippet } from './snippet.ts';
import { searchDb, type SearchDb } from './tables.ts';
import { knownStems } from './vocabulary.ts';
import { FACET_NAMES, type FacetName, type Facets, type FacetValue, type SearchHit, type SearchQuery, type SearchResponse } from './types.ts';

/** PostgreSQL returns bigints and numerics as strings. */
const numeric = (r: MatchRow): MatchRow =>
  typeof r.rid === 'number' && typeof r.score === 'number' && typeof r.fresh === 'number' ? r : { ...r, rid: Number(r.rid), score: Number(r.score), fresh: Number(r.fresh) };

/** Recency's whole say in relevance: at most this fraction of a score, so it only breaks near-ties. */
const RECENCY = 0.02;
/** Typo candidates kept per word. */
const MAX_FUZZY = 8;
const MAX_FACET_VALUES = 30;

const NOTICES = {
  anyWord: {
    en: 'No article contains all of these words; showing articles that contain some of them.',
    ar: 'لا توجد مادة تحتوي على كل هذه الكلمات؛ تُعرض المواد التي تحتوي على بعضها.',
  },
  truncated: {
    en: 'The query was long; only its first words were searched.',
    ar: 'الاستعلام طويل؛ بُحث عن كلماته الأولى فقط.',
  },
} as const;

function notice(key: keyof typeof NOTICES, ui: string | undefined): string {
  return ui === 'ar' ? NOTICES[key].ar : NOTICES[key].en;
}

function filtersOf(q: SearchQuery): RawBuilder<unknown>[] {
  const f: RawBuilder<unknown>[] = [];
  if (q.lang) f.push(sql`d.lang = ${q.lang}`);
  if (q.type) f.push(sql`d.type = ${q.type}`);
  if (q.year !== undefined) f.push(sql`d.year = ${q.year}`);
  if (q.from) f.push(sql`d.published >= ${q.from}`);
  if (q.to) f.push(sql`d.published <= ${q.to}`);
  for (const facet of ['topic', 'region', 'country', 'expert'] as const) {
    const value = q[facet];
    if (value !== undefined) f.push(sql`d.rid in (select rid from search_tag where facet = ${facet} and value = ${value})`);
  }
  return f;
}

/** Fills in typo candidates for words of 5+ letters whose stem the index does not know. */
async function addFuzzy(db: SearchDb, plan: QueryPlan): Promise<QueryPlan> {
  const wanted = plan.groups.flat().filter((c): c is Extract<PlanClause, { kind: 'term' }> => {
    if (c.kind !== 'term') return false;
    const letters = [...c.term.exact].length;
    // Words past FUZZY_MAX_LENGTH are not words a reader mistyped; their variants would only cost time.
    return letters >= FUZZY_MIN_LENGTH && letters <= FUZZY_MAX_LENGTH && !/^\p{N}+$/u.test(c.term.exact);
  });
  if (wanted.length === 0) return plan;
  const known = await knownStems(db, wanted.map((c) => c.term.stem));
  const unknown = wanted.filter((c) => !known.has(c.term.stem));
  if (unknown.length === 0) return plan;
  const variants = new Map<PlanClause, string[]>();
  for (const c of unknown) variants.set(c, [...editVariants(c.term.stem), ...editVariants(c.term.exact)]);
  const exist = await knownStems(db, [...new Set([...variants.values()].flat())]);
  const withFuzzy = (c: PlanClause): PlanClause => {
    const v = variants.get(c);
    return v ? { ...c, fuzzy: [...new Set(v.filter((x) => exist.has(x)))].slice(0, MAX_FUZZY) } as PlanClause : c;
  };
  return { ...plan, groups: plan.groups.map((g) => g.map(withFuzzy)) };
}

interface Group {
  grp: string;
  best: MatchRow;
  score: number;
  published: string | null;
  /** How many matched articles the group holds. */
  members: number;
}

/** One group per translation set, represented by its best-scoring member (the interface language wins a tie). */
function groupRows(rows: MatchRow[], ui: string | undefined): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const score = row.score * (1 + RECENCY * row.fresh);
    const g = groups.get(row.grp);
    if (!g) {
      groups.set(row.grp, { grp: row.grp, best: row, score, published: row.published, members: 1 });
      continue;
    }
    g.members++;
    if (score > g.score || (score === g.score && row.lang === ui && g.best.lang !== ui)) {
      g.best = row;
      g.score = score;
    }
    if (row.published && (!g.published || row.published > g.published)) g.published = row.published;
  }
  return groups;
}

function sortGroups(groups: Group[], sort: SearchQuery['sort']): void {
  const byDate = (a: Group, b: Group) => (b.published ?? '').localeCompare(a.published ?? '');
  const byScore = (a: Group, b: Group) => b.score - a.score;
  groups.sort((a, b) => (sort === 'date' ? byDate(a, b) || byScore(a, b) : byScore(a, b) || byDate(a, b)) || a.grp.localeCompare(b.grp));
}

const TAG_FACETS = new Set<FacetName>(['topic', 'region', 'country', 'expert']);

/**
 * Counts, per facet value, the groups holding a matched article with that value. Most groups match
 * through one article, so values are counted per row and only groups of several rows are deduplicated.
 */
async function countFacets(db: SearchDb, rows: MatchRow[], groups: Map<string, Group>, ui: string | undefined): Promise<Facets> {
  const counts = new Map<FacetName, Map<string, number>>(FACET_NAMES.map((n) => [n, new Map()]));
  const seen = new Set<string>();
  const bump = (name: FacetName, value: string, grp: string) => {
    if (groups.get(grp)!.members > 1) {
      const key = `${name}\u0000${value}\u0000${grp}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const m = counts.get(name)!;
    m.set(value, (m.get(value) ?? 0) + 1);
  };
  for (const row of rows) {
    bump('lang', row.lang, row.grp);
    bump('type', row.type, row.grp);
    if (row.year !== null && row.year !== undefined) bump('year', String(row.year), row.grp);
    if (!row.tags) continue;
    for (const line of row.tags.split('\n')) {
      const tab = line.indexOf('\t');
      const facet = line.slice(0, tab) as FacetName;
      if (TAG_FACETS.has(facet)) bump(facet, line.slice(tab + 1), row.grp);
    }
  }
  const facets = {} as Facets;
  for (const name of FACET_NAMES) {
    const values: FacetValue[] = [...counts.get(name)!].map(([value, count]) => {
      const label = name === 'lang' ? langInfo(value).name : name === 'type' ? typeLabel(value as ArticleType, ui ?? 'en') : undefined;
      return label === undefined ? { value, count } : { value, count, label };
    });
    values.sort((a, b) => (name === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    facets[name] = values.slice(0, MAX_FACET_VALUES);
  }
  // Names only for the values shown, in the interface language where an article in it gave one;
  // one query a facet, each answered from the (facet, value) index.
  for (const name of TAG_FACETS) {
    const values = facets[name].map((v) => v.value);
    if (!values.length) continue;
    const labels = await db.selectFrom('search_label').select(['value', 'label', 'lang']).where('facet', '=', name).where('value', 'in', values).execute();
    const best = new Map<string, { label: string; lang: string }>();
    for (const l of labels) {
      const had = best.get(l.value);
      if (!had || (l.lang === ui && had.lang !== ui)) best.set(l.value, { label: l.label, lang: l.lang });
    }
    for (const v of facets[name]) v.label = best.get(v.value)?.label ?? v.value;
  }
  return facets;
}

async function buildHits(db: SearchDb, page: Group[], plan: QueryPlan): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const members = await db
    .selectFrom('search_doc')
    .select(['rid', 'id', 'lang', 'title', 'path', 'published', 'grp'])
    .where('grp', 'in', page.map((g) => g.grp))
    .execute();
  const texts = await db
    .selectFrom('search_text')
    .select(['rid', 'text'])
    .where('rid', 'in', page.map((g) => g.best.rid))
    .execute();
  const textOf = new Map(texts.map((t) => [Number(t.rid), t.text]));
  const wanted = highlightTerms(plan);
  return page.map((g) => {
    const rid = g.best.rid;
    const group = members.filter((m) => m.grp === g.grp);
    const self = group.find((m) => Number(m.rid) === rid)!;
    const text = textOf.get(rid) ?? '';
    return {
      id: self.id,
      lang: self.lang,
      title: self.title,
      path: self.path,
      snippet: wanted.size ? makeSnippet(text, self.lang, wanted) : makeSnippet(text, self.lang, new Set()),
      published: self.published,
      translations: group
        .filter((m) => Number(m.rid) !== rid)
        .sort((a, b) => a.lang.localeCompare(b.lang))
        .map((m) => ({ lang: m.lang, id: m.id, title: m.title, path: m.path })),
    };
  });
}

/**
 * Searches the index.
 *
 * @example
 * await search(store, parseSearchQuery({ q: 'اسلحة روسيا' }))
 * // → { total: 3, hits: [{ id, lang: 'ar', title, path, snippet: '… <mark>الأسلحة</mark> …', published, translations: [{ lang: 'en', … }] }, …],
 * //     facets: { lang: [{ value: 'ar', count: 3 }], … } }
 */
export interface SearchOptions {
  /** Other-script names of the entity a word names (the knowledge layer's gazetteer, handed in by src/app). */
  expand?: Expand;
}

export async function search(store: Store, query: SearchQuery, opts: SearchOptions = {}): Promise<SearchResponse> {
  const db = searchDb(store);
  const notices: string[] = [];
  let plan = planQuery(parseQuerySyntax(query.q));
  if (plan.truncated) notices.push(notice('truncated', query.ui));
  if (!isEmptyPlan(plan)) plan = await addFuzzy(db, plan);
  if (opts.expand && !isEmptyPlan(plan)) plan = expandPlan(plan, opts.expand);
  const filters = filtersOf(query);
  const dialect = dialectOf(store);
  const fetch = async (p: QueryPlan) => (await sql<MatchRow>`${dialect.matches(p, filters, true)}`.execute(db)).rows.map(numeric);
  let rows = await fetch(plan);
  if (rows.length === 0 && plan.groups.length > 1) {
    const anyWord: QueryPlan = { ...plan, groups: [plan.groups.flat()] };
    rows = await fetch(anyWord);
    if (rows.length) {
      plan = anyWord;
      notices.push(notice('anyWord', query.ui));
    }
  }
  const byGroup = groupRows(rows, query.ui);
  const groups = [...byGroup.values()];
  sortGroups(groups, isEmptyPlan(plan) ? 'date' : query.sort);
  const start = (query.page - 1) * query.pageSize;
  const hits = await buildHits(db, groups.slice(start, start + query.pageSize), plan);
  const response: SearchResponse = { total: groups.length, hits, facets: await countFacets(db, rows, byGroup, query.ui) };
  if (notices.length) response.notice = notices.join(' ');
  return response;
}


