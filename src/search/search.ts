/**
 * @module Answering a search: plan the query with the analyzer, find and score its matches
 * (match-set.ts: every match of a narrow query, the newest of a broad one), then — the same code for
 * both engines, over the document columns held in memory — fold translations into one hit, count
 * facets, sort, page and cut snippets. When no article holds every word, the query runs again as
 * any-word, with a notice saying so.
 */
import { langInfo, typeLabel, type ArticleType } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { docColumns, filterOf, passCounter, tagParts, tagValue, type DocColumns } from './doc-columns.ts';
import { dialectOf, type TagFilter } from './dialects/index.ts';
import { editVariants, FUZZY_MAX_LENGTH, FUZZY_MIN_LENGTH } from './edit-variants.ts';
import { adjacentPairs, expandPlan, highlightTerms, isEmptyPlan, planQuery, type Expand, type PlanClause, type QueryPlan } from './plan-query.ts';
import { parseQuerySyntax } from './query-syntax.ts';
import { findMatches, WINDOW, type MatchContext, type Matched, type MatchSet } from './match-set.ts';
import { makeSnippet, SNIPPET_CHARS } from './snippet.ts';
import { splitAttachmentText } from './attachment-text.ts';
import { searchDb, type SearchDb } from './tables.ts';
import { documentCounts, knownStems } from './vocabulary.ts';
import { analyze, isStopWord } from '../text/index.ts';
import { indexToken } from './index-token.ts';
import { addPluralJoins } from './plural-joins.ts';
import { writtenForm } from './written-form.ts';
import { crossPlan, learnedPairs, learnedPairsWithin, type CrossPlan } from './cross-language/index.ts';
import { FACET_NAMES, type FacetName, type Facets, type FacetValue, type SearchHit, type SearchQuery, type SearchResponse } from './types.ts';

/** Recency's whole say in relevance: at most this fraction of a score, so it only breaks near-ties. */
const RECENCY = 0.02;
/**
 * The interface language's lead: an article in the reader's language scores this much more, so it comes
 * first when relevance is close (an Arabic reader's الجزائر shows Arabic analyses first) without hiding a
 * clearly better match in the other language; the language facet still filters either way.
 */
const UI_LANG_BOOST = 1.25;
/** A row found only through a joined form scores at most this share of the lowest row holding the words typed. */
const JOINED = 0.5;
/** Typo candidates kept per word. */
const MAX_FUZZY = 8;
const MAX_FACET_VALUES = 30;

const NOTICES = {
  anyWord: {
    en: 'No article contains all of these words; showing articles that contain some of them.',
    ar: 'لا توجد مادة تحتوي على كل هذه الكلمات؛ تُعرض المواد التي تحتوي على بعضها.',
  },
  corrected: {
    en: 'Showing results for “%s”. Search instead for “%o”.',
    ar: 'تُعرض نتائج «%s». ابحث بدلاً من ذلك عن «%o».',
  },
  crossLanguage: {
    en: 'Articles in other languages, found through the institute’s own translations, follow those in the language of the query.',
    ar: 'المواد المكتوبة بلغات أخرى، التي وُجدت عبر ترجمات المعهد نفسه، تأتي بعد المواد المكتوبة بلغة البحث.',
  },
  partial: {
    en: 'The search ran out of time: these results may be incomplete.',
    ar: 'نفد الوقت المتاح للبحث: قد تكون هذه النتائج ناقصة.',
  },
  truncated: {
    en: 'The query was long; only its first words were searched.',
    ar: 'الاستعلام طويل؛ بُحث عن كلماته الأولى فقط.',
  },
} as const;

function notice(key: keyof typeof NOTICES, ui: string | undefined): string {
  return ui === 'ar' ? NOTICES[key].ar : NOTICES[key].en;
}

const TAG_FACETS = ['topic', 'region', 'country', 'expert'] as const;

/** The selective filters, which the engine applies while matching (the others are tested on the columns). */
function tagFiltersOf(cols: DocColumns, q: SearchQuery): TagFilter[] {
  return TAG_FACETS.flatMap((facet) => (q[facet] === undefined ? [] : [[facet, tagValue(cols, facet, q[facet])!] as const]));
}

/** A typo's correction must be held by at least this share of the most frequent candidate's articles. */
const DOMINANT = 0.25;

interface Corrected {
  plan: QueryPlan;
  /** Typed word (normalized) → its correction: the stem it was corrected to, and that word's comparison key with the clitics typed. */
  shown: Map<string, { stem: string; key: string }>;
}

/**
 * Fills in typo candidates for words of 5+ letters whose stem the index does not know. A candidate is a
 * known stem one edit away that is no stop word and no fragment (at least 4 letters: قد is no correction
 * of القدم), and that is much more frequent than the word typed (unknown, so never seen) — held by at
 * least `minDf` articles and by a quarter of the best candidate's. Corrections are reported, never silent.
 */
async function addFuzzy(db: SearchDb, plan: QueryPlan, minDf: number): Promise<Corrected> {
  const shown = new Map<string, { stem: string; key: string }>();
  const wanted = plan.groups.flat().filter((c): c is Extract<PlanClause, { kind: 'term' }> => {
    if (c.kind !== 'term') return false;
    const letters = [...c.term.exact].length;
    // Words past FUZZY_MAX_LENGTH are not words a reader mistyped; their variants would only cost time.
    return letters >= FUZZY_MIN_LENGTH && letters <= FUZZY_MAX_LENGTH && !/^\p{N}+$/u.test(c.term.exact);
  });
  if (wanted.length === 0) return { plan, shown };
  const known = await knownStems(db, wanted.map((c) => c.term.stem));
  const unknown = wanted.filter((c) => !known.has(c.term.stem));
  if (unknown.length === 0) return { plan, shown };
  const variants = new Map<PlanClause, string[]>();
  const lang = (w: string) => (/[\u0600-\u06FF]/u.test(w) ? 'ar' : 'en');
  for (const c of unknown) {
    const all = [...editVariants(c.term.stem), ...editVariants(c.term.exact)];
    variants.set(c, all.filter((x) => [...x].length >= 4 && !isStopWord(x, lang(x))));
  }
  const df = await documentCounts(db, [...new Set([...variants.values()].flat())]);
  const chosen = new Map<PlanClause, string[]>();
  for (const [c, v] of variants) {
    const ranked = [...new Set(v)].filter((x) => (df.get(x) ?? 0) >= minDf).sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1));
    if (ranked.length === 0) continue;
    const best = df.get(ranked[0])!;
    const kept = ranked.filter((x) => df.get(x)! >= best * DOMINANT).slice(0, MAX_FUZZY);
    chosen.set(c, kept);
    if (c.kind === 'term') {
      // Sought as the typed word with its stem replaced, when the stem stands in it (الرياضه → الرياح). An
      // Arabic ta marbuta (folded to ه) belonged to the typed noun: kept on another stem it would make
      // another word (رياضة → «رياحه», "his winds"), so it goes with the stem it came with (→ رياح).
      // That is a comparison key; the word shown is how the articles write it (writtenForm).
      const at = c.term.exact.indexOf(c.term.stem);
      const rest = at >= 0 ? c.term.exact.slice(at + c.term.stem.length) : '';
      const tail = /^[هة]$/u.test(rest) && lang(kept[0]) === 'ar' ? '' : rest;
      shown.set(c.term.exact, { stem: kept[0], key: at >= 0 ? c.term.exact.slice(0, at) + kept[0] + tail : kept[0] });
    }
  }
  const withFuzzy = (c: PlanClause): PlanClause => {
    const v = chosen.get(c);
    return v ? ({ ...c, fuzzy: v } as PlanClause) : c;
  };
  return { plan: { ...plan, groups: plan.groups.map((g) => g.map(withFuzzy)) }, shown };
}

/** The query as typed with each corrected word replaced by its correction (offsets from the analyzer). */
function correctedQuery(q: string, shown: Map<string, string>): string {
  let out = '';
  let at = 0;
  for (const t of analyze(q)) {
    const fix = shown.get(indexToken(t.exact));
    if (fix === undefined) continue;
    out += q.slice(at, t.start) + fix;
    at = t.end;
  }
  return out + q.slice(at);
}

interface Group {
  /** Group id in the columns. */
  gid: number;
  best: Matched;
  score: number;
  /** yyyymmdd of the group's newest member, 0 when undated. */
  published: number;
  /** Found only through the query's translations, in another language: listed after the others. */
  cross?: boolean;
}

/**
 * One group per translation set, represented by its best-scoring member. Members in the interface language
 * score UI_LANG_BOOST more, which picks the reader's translation and orders groups by it when close.
 */
function groupRows(cols: DocColumns, rows: Matched[], ui: string | undefined): Group[] {
  const groups = new Map<number, Group>();
  const uiLang = ui === undefined ? -1 : cols.langs.find(ui);
  for (const row of rows) {
    const score = row.score * (1 + RECENCY * cols.fresh[row.pos]) * (cols.lang[row.pos] === uiLang ? UI_LANG_BOOST : 1);
    const gid = cols.group[row.pos];
    const published = cols.published[row.pos];
    const g = groups.get(gid);
    if (!g) {
      groups.set(gid, { gid, best: row, score, published });
      continue;
    }
    if (score > g.score || (score === g.score && cols.lang[row.pos] === uiLang && cols.lang[g.best.pos] !== uiLang)) {
      g.best = row;
      g.score = score;
    }
    if (published > g.published) g.published = published;
  }
  return [...groups.values()];
}

function sortGroups(cols: DocColumns, groups: Group[], sort: SearchQuery['sort']): void {
  const byDate = (a: Group, b: Group) => b.published - a.published;
  const byScore = (a: Group, b: Group) => b.score - a.score;
  const byRid = (a: Group, b: Group) => cols.rids[b.best.pos] - cols.rids[a.best.pos];
  const byCross = (a: Group, b: Group) => Number(!!a.cross) - Number(!!b.cross);
  groups.sort((a, b) => byCross(a, b) || (sort === 'date' ? byDate(a, b) || byScore(a, b) : byScore(a, b) || byDate(a, b)) || byRid(a, b));
}

/**
 * Counts, per facet value, the groups holding a matched article with that value (a sampled row counts
 * for the matches it stands for). A group's rows count once per value.
 */
function countFacets(cols: DocColumns, found: MatchSet, filter: ((pos: number) => boolean) | undefined, ui: string | undefined, want = ui): { facets: Facets; total: number } {
  const rows = found.counted;
  // Counted by small integer ids (language, type, tag ids; years as numbers), named at the end.
  const langCounts = new Float64Array(cols.langs.names.length);
  const typeCounts = new Float64Array(cols.types.names.length);
  const tagCounts = new Float64Array(cols.tags.names.length);
  const yearCounts = new Map<number, number>();
  const seen = new Set<number>();
  const groupWeight = new Map<number, number>();
  const shared = new Set<number>();
  for (const row of rows) {
    const gid = cols.group[row.pos];
    if (groupWeight.has(gid)) shared.add(gid);
    groupWeight.set(gid, Math.max(groupWeight.get(gid) ?? 0, row.weight));
  }
  // Most groups match through one article; only groups of several rows need deduplicating, by a
  // numeric key (group, dimension, value).
  const first = (gid: number, dim: number, id: number) => {
    if (shared.size === 0 || !shared.has(gid)) return true;
    const key = (gid * 8 + dim) * 2 ** 24 + id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const row of rows) {
    const { pos, weight } = row;
    const gid = cols.group[pos];
    if (first(gid, 0, cols.lang[pos])) langCounts[cols.lang[pos]] += weight;
    if (first(gid, 1, cols.type[pos])) typeCounts[cols.type[pos]] += weight;
    // A sampled row's extra weight stands for matches of other years (the samples cluster at both
    // ends of the archive): it counts once for its own year, and the stretch between is counted below.
    const year = cols.year[pos];
    if (year && first(gid, 2, year)) yearCounts.set(year, (yearCounts.get(year) ?? 0) + (found.regions ? 1 : weight));
    for (let k = cols.tagStart[pos]; k < cols.tagStart[pos + 1]; k++) {
      const id = cols.tagIds[k];
      if (first(gid, 3, id)) tagCounts[id] += weight;
    }
  }
  const counts = new Map<FacetName, Map<string, number>>(FACET_NAMES.map((n) => [n, new Map()]));
  const named = (name: FacetName, names: string[], values: Float64Array) => {
    values.forEach((c, id) => c > 0 && counts.get(name)!.set(names[id], c));
  };
  named('lang', cols.langs.names, langCounts);
  named('type', cols.types.names, typeCounts);
  tagCounts.forEach((c, id) => {
    if (c <= 0) return;
    const [facet, value] = tagParts(cols, id);
    counts.get(facet)?.set(value, c);
  });
  for (const [year, c] of yearCounts) counts.get('year')!.set(String(year), c);
  let total = 0;
  for (const w of groupWeight.values()) total += w;
  if (found.regions?.length) {
    // Each region's articles of a year, times how densely the query is taken to match there, in groups.
    let rowsWeight = 0;
    for (const row of rows) rowsWeight += row.weight;
    const perRow = rowsWeight ? total / rowsWeight : 1;
    const years = counts.get('year')!;
    const count = passCounter(cols, filter);
    for (const region of found.regions) {
      for (const run of cols.yearRuns) {
        const n = count(Math.max(run.start, region.start), Math.min(run.end, region.end));
        if (n > 0 && run.year) years.set(String(run.year), (years.get(String(run.year)) ?? 0) + n * region.density * perRow);
      }
    }
  }
  const facets = {} as Facets;
  for (const name of FACET_NAMES) {
    const values: FacetValue[] = [...counts.get(name)!].map(([value, count]) => {
      const label = name === 'lang' ? langInfo(value).name : name === 'type' ? typeLabel(value as ArticleType, ui ?? 'en') : undefined;
      const rounded = Math.max(1, Math.round(count));
      return label === undefined ? { value, count: rounded } : { value, count: rounded, label };
    });
    values.sort((a, b) => (name === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    facets[name] = values.slice(0, MAX_FACET_VALUES);
  }
  // Names and slugs for the values shown, in the interface language where an article in it gave one
  // (else the filtered language's, else Arabic's): a term is one value whatever the languages of the
  // articles counted (see term-keys.ts).
  const inUi = (m: Map<string, string> | undefined) => (want ? m?.get(want) : undefined) ?? m?.get('ar') ?? (m ? [...m.values()][0] : undefined);
  for (const name of TAG_FACETS) {
    for (const v of facets[name]) {
      const key = `${name}\t${v.value}`;
      v.label = inUi(cols.labels.get(key)) ?? v.value;
      v.value = inUi(cols.slugs.get(key)) ?? v.value;
    }
  }
  return { facets, total: Math.round(total) };
}

/** How far into an attachment's text a snippet looks: reports are long, and the hit may be anywhere. */
const ATTACHMENT_SCAN = 400_000;

/** A passage without highlights, for a search out of time: the opening of the text, escaped. */
function plainSnippet(text: string): string {
  return makeSnippet(text, undefined, new Set());
}

async function buildHits(db: SearchDb, cols: DocColumns, page: Group[], plan: QueryPlan, cross: QueryPlan | undefined, clock: Clock): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const members = await db
    .selectFrom('search_doc')
    .select(['rid', 'id', 'lang', 'title', 'path', 'published', 'grp'])
    .where('grp', 'in', (eb) => eb.selectFrom('search_doc').select('grp').where('rid', 'in', page.map((g) => cols.rids[g.best.pos])))
    .execute();
  const texts = await db
    .selectFrom('search_text')
    .select(['rid', 'text'])
    .where('rid', 'in', page.map((g) => cols.rids[g.best.pos]))
    .execute();
  const textOf = new Map(texts.map((t) => [Number(t.rid), t.text]));
  const wanted = highlightTerms(plan);
  const wantedCross = cross ? highlightTerms(cross) : wanted;
  return page.map((g) => {
    const rid = cols.rids[g.best.pos];
    const self = members.find((m) => Number(m.rid) === rid)!;
    const group = members.filter((m) => m.grp === self.grp);
    const { own, attachments } = splitAttachmentText(textOf.get(rid) ?? '');
    const cut = (text: string, scan?: number) =>
      g.cross ? makeSnippet(text, self.lang, wantedCross, SNIPPET_CHARS, cross!.groups.length, scan) : makeSnippet(text, self.lang, wanted, SNIPPET_CHARS, plan.groups.length, scan);
    const late = clock.late();
    let snippet = late ? plainSnippet(own) : cut(own);
    let from: SearchHit['attachment'];
    // Words the article's own text does not hold came from an attachment: cut the snippet there and say so.
    if (!late && !snippet.includes('<mark>')) {
      for (const a of attachments) {
        const s = cut(a.text, ATTACHMENT_SCAN);
        if (s.includes('<mark>')) {
          snippet = s;
          from = { src: a.src, title: a.title };
          break;
        }
      }
    }
    const hit: SearchHit = {
      id: self.id,
      lang: self.lang,
      title: self.title,
      path: self.path,
      snippet,
      published: self.published,
      translations: group
        .filter((m) => Number(m.rid) !== rid)
        .sort((a, b) => a.lang.localeCompare(b.lang))
        .map((m) => ({ lang: m.lang, id: m.id, title: m.title, path: m.path })),
    };
    if (g.cross) hit.crossLanguage = true;
    if (from) hit.attachment = from;
    return hit;
  });
}

/**
 * The rows of `plain` as they were scored, then those only `joined` (the plan with broken plurals and nisba)
 * finds, scaled below the lowest of them, order kept: a row's score never gains from a joined form it also
 * holds, so the words typed rank first. A broad answer needs no joins: `plain` stands.
 */
function withJoined(plain: MatchSet, joined: MatchSet): MatchSet {
  if (plain.approximate || joined.approximate) return plain.counted.length ? plain : joined;
  const have = new Set(plain.ranked.map((r) => r.pos));
  const extra = joined.ranked.filter((r) => !have.has(r.pos));
  if (extra.length === 0) return plain;
  let floor = Infinity;
  for (const r of plain.ranked) floor = Math.min(floor, r.score);
  let top = 0;
  for (const r of extra) top = Math.max(top, r.score);
  const scale = floor === Infinity || top <= 0 ? 1 : (floor * JOINED) / top;
  const scaled = extra.map((r) => ({ ...r, score: r.score * scale }));
  return { ranked: [...plain.ranked, ...scaled], counted: [...plain.counted, ...scaled], approximate: false };
}

const ARABIC = /[\u0600-\u06FF]/u;

/** `expand` keeping only the names written in the word's own script. */
function sameScript(expand: Expand): Expand {
  return (word) => expand(word).filter((name) => ARABIC.test(name) === ARABIC.test(word));
}

/**
 * The rows `cross` (the query in other languages) finds that `plain` does not: in another language than
 * the query's, in translation groups `plain` did not reach, scaled below the lowest row of `plain`
 * (order kept), so the matches in the language typed come first.
 */
function crossRows(cols: DocColumns, plain: MatchSet, cross: MatchSet, from: string): Matched[] {
  const own = cols.langs.find(from);
  const reached = new Set<number>();
  for (const r of plain.counted) reached.add(cols.group[r.pos]);
  const rows = cross.ranked.filter((r) => cols.lang[r.pos] !== own && !reached.has(cols.group[r.pos]));
  if (rows.length === 0 || plain.ranked.length === 0) return rows;
  let floor = Infinity;
  for (const r of plain.ranked) floor = Math.min(floor, r.score);
  let top = 0;
  for (const r of rows) top = Math.max(top, r.score);
  const scale = top <= 0 ? 1 : (floor * JOINED) / top;
  return rows.map((r) => ({ ...r, score: r.score * scale }));
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
  /** How many matches make a query broad (default WINDOW, 1000); tests lower it to reach the broad path with few articles. */
  window?: number;
  /**
   * How long the search may take (ms) before it leaves out what can wait: typo correction, broken
   * plurals, the cross-language part, the any-word fallback and highlighted snippets (past it, a hit's
   * snippet is the opening of its text). Such an answer says so (`partial`, and a notice). Unbounded when unset.
   */
  budgetMs?: number;
  /**
   * How long to wait, at most, for the cross-language term pairs while they are being learned (after a
   * start, or a change to a translated article: seconds over thousands of translations); default the
   * budget's time left, or as long as it takes. Meanwhile the pairs learned before are used, or none (partial).
   */
  pairsWaitMs?: number;
}

/** A search's deadline: what it has left out so far, and whether it is past its time. */
class Clock {
  readonly #deadline: number;
  partial = false;
  constructor(budgetMs: number | undefined) {
    this.#deadline = budgetMs === undefined ? Infinity : performance.now() + Math.max(0, budgetMs);
  }
  /** Whether the time is up (and, if so, the answer will be partial: call only before skipping work). */
  late(): boolean {
    if (performance.now() < this.#deadline) return false;
    this.partial = true;
    return true;
  }
  left(): number {
    return this.#deadline - performance.now();
  }
}

export async function search(store: Store, query: SearchQuery, opts: SearchOptions = {}): Promise<SearchResponse> {
  const db = searchDb(store);
  const clock = new Clock(opts.budgetMs);
  const notices: string[] = [];
  let plan = planQuery(parseQuerySyntax(query.q));
  if (plan.truncated) notices.push(notice('truncated', query.ui));
  const cols = await docColumns(store);
  let correction: SearchResponse['correction'];
  if (!isEmptyPlan(plan) && !query.verbatim && !clock.late()) {
    // "Much more frequent" needs a corpus to count in: one article in a thousand, at least one.
    const fixed = await addFuzzy(db, plan, Math.max(1, Math.ceil(cols.rids.length / 1000)));
    plan = fixed.plan;
    if (fixed.shown.size) {
      // Each correction as the articles write it (الجزائر), never the index's key for it (الجزاير).
      const written = new Map<string, string>();
      for (const [typed, fix] of fixed.shown) written.set(typed, (await writtenForm(store, fix.stem, fix.key)) ?? fix.key);
      correction = { query: correctedQuery(query.q, written), original: query.q };
      notices.push(notice('corrected', query.ui).replace('%s', correction.query).replace('%o', correction.original));
    }
  }
  // Broken plurals and nisba: a second plan, asked only for the rows the first does not find (below).
  // Search across languages: the learned term pairs are read before the engine's session (learning reads the index).
  // Past its time a search asks for no pairs; and learning them (after a start, or after a translation
  // changed) can take seconds: a search with a deadline waits at most its time left, then goes on with
  // the pairs learned before the change, or without its cross-language part.
  let pairs: Awaited<ReturnType<typeof learnedPairs>> | undefined;
  if (!isEmptyPlan(plan) && query.crossLanguage !== false && !clock.late()) {
    const wait = Math.min(opts.pairsWaitMs ?? Infinity, clock.left());
    pairs = wait === Infinity ? await learnedPairs(store) : await learnedPairsWithin(store, wait);
    if (!pairs) clock.partial = true;
  }
  const cross: CrossPlan | undefined = pairs ? crossPlan(plan, pairs, opts.expand) : undefined;
  // For the any-word fallback: the words that have a translation, in one group ("arms sales" where only
  // arms has one still reaches the Arabic article on arms sales, below those that contain a word typed).
  const crossSome: CrossPlan | undefined = pairs && plan.groups.length > 1 ? crossPlan(plan, pairs, opts.expand, { someWords: true }) : undefined;
  let joined = isEmptyPlan(plan) || clock.late() ? plan : await addPluralJoins(db, plan);
  if (opts.expand && !isEmptyPlan(plan)) {
    // Other-script names go to the cross-language query when there is one, so what they find is marked as such.
    const expand = cross ? sameScript(opts.expand) : opts.expand;
    plan = expandPlan(plan, expand);
    if (joined !== plan) joined = expandPlan(joined, expand);
  }
  const crossFound = new Set<number>();
  const widened = joined !== plan && joined.groups.some((g, i) => g.some((c, j) => c.kind === 'term' && (c.alternates?.length ?? 0) > ((plan.groups[i][j] as typeof c).alternates?.length ?? 0)));
  const filter = filterOf(cols, query);
  // The engine's questions, asked in one session (on PostgreSQL, one transaction with its planner told once).
  let found: MatchSet;
  [plan, found] = await dialectOf(store).session(store, async (session) => {
    const ctx: MatchContext = { store: session, cols, tags: tagFiltersOf(cols, query), filter, window: opts.window ?? WINDOW };
    let all = await findMatches(ctx, plan);
    if (widened && !clock.late()) {
      all = withJoined(all, await findMatches(ctx, joined));
      if (all.counted.length) plan = joined; // its joined forms are marked in snippets
    }
    if (cross && !all.approximate && !clock.late()) {
      const rows = crossRows(cols, all, await findMatches(ctx, cross.plan), cross.from);
      for (const r of rows) crossFound.add(r.pos);
      if (rows.length) all = { ranked: [...all.ranked, ...rows], counted: [...all.counted, ...rows], approximate: false };
    }
    if (all.counted.length === 0 && plan.groups.length > 1 && !clock.late()) {
      const anyWord: QueryPlan = { ...plan, groups: [plan.groups.flat()], pairs: adjacentPairs(plan.groups) };
      let wider = await findMatches(ctx, anyWord);
      if (crossSome && !wider.approximate && !clock.late()) {
        const crossAny: QueryPlan = { ...crossSome.plan, groups: [crossSome.plan.groups.flat()] };
        const rows = crossRows(cols, wider, await findMatches(ctx, crossAny), crossSome.from);
        for (const r of rows) crossFound.add(r.pos);
        if (rows.length) wider = { ranked: [...wider.ranked, ...rows], counted: [...wider.counted, ...rows], approximate: false };
      }
      if (wider.counted.length) {
        notices.push(notice('anyWord', query.ui));
        return [anyWord, wider] as const;
      }
    }
    return [plan, all] as const;
  });
  const groups = groupRows(cols, found.ranked, query.ui);
  for (const g of groups) if (crossFound.has(g.best.pos)) g.cross = true;
  if (crossFound.size) notices.push(notice('crossLanguage', query.ui));
  sortGroups(cols, groups, isEmptyPlan(plan) ? 'date' : query.sort);
  const start = (query.page - 1) * query.pageSize;
  const hits = await buildHits(db, cols, groups.slice(start, start + query.pageSize), plan, (cross ?? crossSome)?.plan, clock);
  const { facets, total } = countFacets(cols, found, filter, query.ui, query.ui ?? query.lang);
  const response: SearchResponse = { total, hits, facets };
  if (found.approximate) response.approximate = true;
  if (clock.partial) {
    response.partial = true;
    notices.push(notice('partial', query.ui));
  }
  if (notices.length) response.notice = notices.join(' ');
  if (correction) response.correction = correction;
  return response;
}


