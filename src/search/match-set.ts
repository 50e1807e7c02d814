/**
 * @module Which articles a plan matches, and how well — with work bounded however many match.
 *
 * Row ids follow publication date (see index-article.ts), and both engines walk a term's rows from the
 * highest rid and can stop early. So search first asks for the newest WINDOW + 1 matches:
 * - **Narrow** (at most WINDOW): every match is scored by the engine (bm25 on SQLite, ts_rank on
 *   PostgreSQL); totals and facet counts are exact.
 * - **Broad** (more): the newest WINDOW matches are ranked by where the words stand — title, summary
 *   or elsewhere, as typed or as a stem (the head's token hashes, held in memory) — weighted by
 *   each word's rarity, newest first on ties: the engines' relevance functions read every row of every
 *   term, which for a word in half the archive is most of the cost. Totals and facet counts are
 *   estimated from samples of the older matches and marked approximate. Searching the newest first and
 *   stopping early is how Twitter's Earlybird answers broad queries over a large archive.
 */
import type { Store } from '../store/index.ts';
import type { DocColumns } from './doc-columns.ts';
import { passCounter, positionOf } from './doc-columns.ts';
import { headHas, pairKey, partStart, rangeHas, tokenHash } from './head.ts';
import { dialectOf, type SearchDialect, type TagFilter } from './dialects/index.ts';
import { pairsOf, type PlanClause, type QueryPlan } from './plan-query.ts';
import { searchDb, type SearchDb } from './tables.ts';
import { documentCounts } from './vocabulary.ts';

/** How many of the newest matches are ranked when a query matches more. */
export const WINDOW = 1000;
/** Matches read at each end of the archive below the window, for counting: a fifth of the window. */
const SAMPLE_SHARE = 5;
/**
 * How much more often words meet in one article than if they were independent: long articles hold
 * more of every word, and words of one subject travel together. Measured about 2 on the benchmark
 * corpus (two words' matches against the product of their shares); real text only leans further.
 */
const TOGETHER = 2;
/** How much rarer a phrase is taken to be than its words meeting anywhere in an article. */
const PHRASE_ODDS = 0.1;
/** What a word as typed in the title, or else in the summary, and anywhere at all, adds to the engine's score (as a fraction, averaged over the query's words). */
const EXACT = { title: 0.4, summary: 0.2, anywhere: 0.25 } as const;
/** What a row found only through another script's form of a name keeps of its score. */
const ALTERNATE = 0.5;
/**
 * A word is looked for as typed, or side by side with its neighbour, anywhere in the article only when
 * at most this many articles hold it: the engine reads every one of their rows to answer.
 */
const NEARNESS_ROWS = { cheap: 5_000, dear: 500 } as const;
/**
 * Where scoring is dear (PostgreSQL's ts_rank detoasts both vectors of a row: about 0.15 ms each),
 * at most this many matches are scored by the engine; more are ranked from the heads.
 */
const DEAR_SCORED = 100;
/** What each pair of adjacent query words found side by side adds to a score (as a fraction of it). */
const PROXIMITY = 0.3;
/** Where a broad query's word stands, as the bm25 field weights (title 1.0, summary 0.5, elsewhere 0.15; as typed +0.4). */
const PLACE = { title: 1.0, titleExact: 0.4, summary: 0.5, elsewhere: 0.15 } as const;

export interface Matched {
  /** Position in the document columns. */
  pos: number;
  score: number;
  /** How many matches this row stands for: 1, or more for a sampled row of a broad query. */
  weight: number;
}

export interface MatchSet {
  /** Rows that may be shown, with scores comparable to each other. */
  ranked: Matched[];
  /** Rows to count: `ranked` plus, for a broad query, the sampled older matches. */
  counted: Matched[];
  /** True when counts are estimates (a broad query). */
  approximate: boolean;
  /** For a broad query: the stretches of the archive no sample read, and how densely each is taken to match. */
  regions?: Region[];
}

export interface MatchContext {
  store: Store;
  cols: DocColumns;
  filter: ((pos: number) => boolean) | undefined;
  tags: readonly TagFilter[];
  /** WINDOW unless a test or a benchmark asks otherwise. */
  window: number;
  /** The vocabulary's counts of the plan's stems, read once a search (see `counts`). */
  df?: Map<string, number>;
}

/** The vocabulary's counts of `stems`, from those read earlier in this search where it can. */
async function counts(ctx: MatchContext, stems: string[]): Promise<Map<string, number>> {
  const missing = stems.filter((s) => !ctx.df?.has(s));
  if (missing.length) {
    const read = await documentCounts(searchDb(ctx.store), [...new Set(missing)]);
    ctx.df = new Map([...(ctx.df ?? []), ...read]);
  }
  return ctx.df!;
}

/** The lowest row id among `rows` (a loop: a spread of 100,000 arguments overflows the stack). */
function oldestRid(cols: DocColumns, rows: Matched[]): number {
  let min = Infinity;
  for (const r of rows) if (cols.rids[r.pos] < min) min = cols.rids[r.pos];
  return min;
}

const ridsOf = async (ctx: MatchContext, query: ReturnType<SearchDialect['matchIds']>) =>
  (await dialectOf(ctx.store).rows(ctx.store, query)).map((r) => Number(r.rid));

/**
 * Matches passing the filters, walked from the newest (or, with `oldestFirst`, the oldest) within the
 * rid range, at most `max`, and whether more exist. The engine applies tag filters; the cheap column
 * filters (language, type, dates) are applied here, fetching further until enough pass.
 */
async function walk(ctx: MatchContext, plan: QueryPlan, max: number, range: { from?: number; below?: number; oldestFirst?: boolean } = {}): Promise<{ pos: number[]; more: boolean }> {
  const dialect = dialectOf(ctx.store);
  const out: number[] = [];
  let { from, below } = range;
  for (let chunk = max + 1; ; chunk *= 2) {
    const rids = await ridsOf(ctx, dialect.matchIds(plan, ctx.tags, { from, below, limit: chunk, oldestFirst: range.oldestFirst }));
    for (const rid of rids) {
      const pos = positionOf(ctx.cols, rid);
      if (pos < 0 || (ctx.filter && !ctx.filter(pos))) continue;
      if (out.length === max) return { pos: out, more: true };
      out.push(pos);
    }
    if (rids.length < chunk) return { pos: out, more: false };
    if (range.oldestFirst) from = rids[rids.length - 1] + 1;
    else below = rids[rids.length - 1];
  }
}

/** How many of `pairs` (hashed) stand side by side in the title or summary of article `pos`. */
function pairsInHead(cols: DocColumns, pos: number, pairs: number[]): number {
  const at = cols.headAt[pos];
  let n = 0;
  for (const h of pairs) if (headHas(cols.heads, at, 4, h) || headHas(cols.heads, at, 5, h)) n++;
  return n;
}

/** Raises the score of rows whose title or summary holds adjacent query words side by side, pair by pair. */
function addProximity(cols: DocColumns, plan: QueryPlan, rows: Matched[]): void {
  const pairs = pairsOf(plan).map(([a, b]) => tokenHash(pairKey(a, b)));
  if (pairs.length === 0) return;
  for (const r of rows) r.score *= 1 + PROXIMITY * pairsInHead(cols, r.pos, pairs);
}

/**
 * Scores the newest matches, at most `limit`. All of them when fewer: the narrow answer. When there
 * are more and enough pass the filters, the scored rows are the window and the next sample already
 * (ranked by the engine, since it scored them); otherwise undefined, and the caller walks instead.
 */
async function scoreNewest(ctx: MatchContext, plan: QueryPlan, sample: number): Promise<MatchSet | undefined> {
  const limit = ctx.window + sample + 1;
  const rows = await dialectOf(ctx.store).rows(ctx.store, dialectOf(ctx.store).scored(plan, ctx.tags, undefined, limit));
  // Only a complete answer is worth the engine's extra passes; a broad one is ranked from the heads.
  const found = await rankedRows(ctx, plan, rows, rows.length < limit);
  if (rows.length < limit) return found;
  if (found.ranked.length <= ctx.window + sample) return undefined;
  const window = found.ranked.slice(0, ctx.window);
  const upper = found.ranked.slice(ctx.window, ctx.window + sample).map((r) => r.pos);
  const older = await sampleOlder(ctx, plan, upper, sample);
  return { ranked: window, counted: [...window, ...older.rows], approximate: true, regions: older.regions };
}

/**
 * The engine's scored rows that pass the filters, newest first, with the bonuses for words as typed,
 * words side by side and other-script names; `complete` (every match is here) adds the passes that ask
 * the engine, else only what the heads tell.
 */
async function rankedRows(ctx: MatchContext, plan: QueryPlan, rows: { rid: number; score: number }[], complete = true): Promise<MatchSet> {
  const ranked: Matched[] = [];
  for (const r of rows) {
    const pos = positionOf(ctx.cols, Number(r.rid));
    if (pos >= 0 && (!ctx.filter || ctx.filter(pos))) ranked.push({ pos, score: Number(r.score), weight: 1 });
  }
  ranked.sort((x, y) => y.pos - x.pos);
  addExactForms(ctx.cols, plan, ranked);
  if (complete) {
    await addAsTyped(ctx, plan, ranked);
    await addNearness(ctx, plan, ranked);
    await lowerAlternates(ctx, plan, ranked);
  } else {
    addProximity(ctx.cols, plan, ranked);
  }
  return { ranked, counted: ranked, approximate: false };
}

/**
 * Raises the score of rows holding a query word as typed anywhere (the heads only know the title and
 * summary). Skipped for words in more than NEARNESS_ROWS articles, whose rows the engine would have to
 * walk: among a narrow query's matches the rarer words decide.
 */
async function addAsTyped(ctx: MatchContext, plan: QueryPlan, rows: Matched[]): Promise<void> {
  if (rows.length === 0) return;
  const formsOf = (c: PlanClause) => (c.kind === 'phrase' ? c.terms : [c.term]);
  const asked = plan.groups;
  const df = await counts(ctx, asked.flat().flatMap((c) => formsOf(c).map((t) => t.stem)));
  const from = oldestRid(ctx.cols, rows);
  const holds = new Map<number, number>();
  for (const group of asked) {
    if (group.some((c) => formsOf(c).some((t) => (df.get(t.stem) ?? 0) > NEARNESS_ROWS[dialectOf(ctx.store).scoring]))) continue;
    for (const rid of await ridsOf(ctx, dialectOf(ctx.store).asTyped(group, from))) holds.set(rid, (holds.get(rid) ?? 0) + 1);
  }
  if (holds.size === 0) return;
  for (const r of rows) r.score *= 1 + (EXACT.anywhere * (holds.get(ctx.cols.rids[r.pos]) ?? 0)) / plan.groups.length;
}

/**
 * A row found only through an alternate — a name's other-script form (Tebboune → تبون), a broken plural's
 * singular (أسلحة → سلاح) — ranks below every row holding the words as typed: the engine scores both
 * alike, so such rows are scaled down here.
 */
async function lowerAlternates(ctx: MatchContext, plan: QueryPlan, rows: Matched[]): Promise<void> {
  const widened = plan.groups.some((g) => g.some((c) => c.kind === 'term' && c.alternates?.length));
  if (!widened || rows.length === 0) return;
  const typed: QueryPlan = { ...plan, groups: plan.groups.map((g) => g.map((c) => (c.kind === 'term' ? { ...c, alternates: undefined } : c))) };
  const from = oldestRid(ctx.cols, rows);
  const holds = new Set(await ridsOf(ctx, dialectOf(ctx.store).matchIds(typed, ctx.tags, { from })));
  // Below every row holding the words typed, whatever field the other form stands in (a title holding
  // سلاح must not outrank a body holding the أسلحة typed): scaled under the lowest such row, order kept.
  let floor = Infinity;
  let top = 0;
  for (const r of rows) {
    if (holds.has(ctx.cols.rids[r.pos])) floor = Math.min(floor, r.score);
    else top = Math.max(top, r.score);
  }
  const scale = floor === Infinity || top === 0 ? ALTERNATE : Math.min(ALTERNATE, (floor * ALTERNATE) / top);
  for (const r of rows) if (!holds.has(ctx.cols.rids[r.pos])) r.score *= scale;
}

/**
 * Raises the score of rows holding adjacent query words side by side, pair by pair: anywhere in the article when
 * the two words are rare enough for the engine to check cheaply (a phrase query reads both words'
 * rows), else in the title or summary (from the heads, in memory).
 */
async function addNearness(ctx: MatchContext, plan: QueryPlan, rows: Matched[]): Promise<void> {
  const pairs = pairsOf(plan);
  if (pairs.length === 0 || rows.length === 0) return;
  const df = await counts(ctx, pairs.flat());
  const from = oldestRid(ctx.cols, rows);
  const found = new Map<number, number>();
  const inHead: number[] = [];
  for (const pair of pairs) {
    if ((df.get(pair[0]) ?? 0) + (df.get(pair[1]) ?? 0) > NEARNESS_ROWS[dialectOf(ctx.store).scoring]) {
      inHead.push(tokenHash(pairKey(pair[0], pair[1])));
      continue;
    }
    for (const rid of await ridsOf(ctx, dialectOf(ctx.store).adjacent(pair, from))) found.set(rid, (found.get(rid) ?? 0) + 1);
  }
  for (const r of rows) {
    const near = (found.get(ctx.cols.rids[r.pos]) ?? 0) + (inHead.length ? pairsInHead(ctx.cols, r.pos, inHead) : 0);
    r.score *= 1 + PROXIMITY * near;
  }
}

/**
 * Multiplies the engine's score of rows whose title or summary holds a query word as typed (the
 * engines score stems only: asking them about exact forms too would double what they read).
 */
function addExactForms(cols: DocColumns, plan: QueryPlan, rows: Matched[]): void {
  const groups = plan.groups.map((g) => g.map(clauseHashes));
  if (groups.length === 0) return;
  for (const r of rows) {
    let bonus = 0;
    for (const group of groups) {
      let best = 0;
      const at = cols.headAt[r.pos];
      for (const c of group) {
        best = Math.max(best, headHolds(cols, at, 1, c.exacts, c.phrase) ? EXACT.title : headHolds(cols, at, 3, c.exacts, c.phrase) ? EXACT.summary : 0);
      }
      bonus += best;
    }
    r.score *= 1 + bonus / groups.length;
  }
}

/**
 * Every match (at or above row `from`) passing the filters, newest first, scored by the engine's
 * relevance. Where scoring is dear, only up to DEAR_SCORED matches are: more are ranked from the heads,
 * as a broad query's window is (their count stays exact). `known` is the matches when a walk has read them.
 */
async function narrow(ctx: MatchContext, plan: QueryPlan, bounds: number[], from?: number, known?: number[]): Promise<MatchSet> {
  const dialect = dialectOf(ctx.store);
  if (dialect.scoring === 'dear') {
    const positions = known ?? (await matchedPositions(ctx, plan, from));
    if (positions.length > DEAR_SCORED) return rankedByHeads(ctx, plan, positions, bounds);
    if (positions.length === 0) return empty();
    const among = positions.map((pos) => ctx.cols.rids[pos]);
    return rankedRows(ctx, plan, await dialect.rows(ctx.store, dialect.scored(plan, ctx.tags, undefined, undefined, among)));
  }
  const rows = await dialect.rows(ctx.store, dialect.scored(plan, ctx.tags, from));
  return rankedRows(ctx, plan, rows);
}

/** Positions of every match at or above row `from` passing the filters, newest first. */
async function matchedPositions(ctx: MatchContext, plan: QueryPlan, from?: number): Promise<number[]> {
  const out: number[] = [];
  for (const rid of await ridsOf(ctx, dialectOf(ctx.store).matchIds(plan, ctx.tags, { from }))) {
    const pos = positionOf(ctx.cols, rid);
    if (pos >= 0 && (!ctx.filter || ctx.filter(pos))) out.push(pos);
  }
  return out.sort((a, b) => b - a);
}

/** Every one of `positions` (all the matches), ranked by where the words stand, as a broad query's window is. */
async function rankedByHeads(ctx: MatchContext, plan: QueryPlan, positions: number[], bounds: number[]): Promise<MatchSet> {
  const rows = positions.map((pos) => ({ pos, score: 0, weight: 1 }));
  if (plan.groups.length) {
    await rankByPlace(ctx, plan, rows, bounds);
    // Every match is here, so words side by side and as typed are looked for anywhere, as for a narrow query.
    await addAsTyped(ctx, plan, rows);
    await addNearness(ctx, plan, rows);
    await lowerAlternates(ctx, plan, rows);
  }
  return { ranked: rows, counted: rows, approximate: false };
}

/** How many articles at most hold each group: a word's stem and its variants, a phrase's rarest word (from the vocabulary's counts). */
async function groupBounds(ctx: MatchContext, plan: QueryPlan): Promise<number[]> {
  const stemsOf = (c: PlanClause) => (c.kind === 'phrase' ? c.terms.map((t) => t.stem) : [c.term.stem, ...c.fuzzy, ...(c.alternates ?? [])]);
  const df = await counts(ctx, plan.groups.flat().flatMap(stemsOf));
  const clauseBound = (c: PlanClause) =>
    c.kind === 'phrase' ? Math.min(...c.terms.map((t) => df.get(t.stem) ?? 0)) : stemsOf(c).reduce((sum, x) => sum + (df.get(x) ?? 0), 0);
  return plan.groups.map((g) => g.reduce((sum, c) => sum + clauseBound(c), 0));
}

/** bm25's idf for a word held by `df` of `n` articles. */
const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** A clause's tokens as head hashes: stems (with typo and other-script variants) and exact forms. */
interface ClauseHashes {
  stems: number[];
  exacts: number[];
  phrase: boolean;
}

function clauseHashes(c: PlanClause): ClauseHashes {
  const stems = c.kind === 'phrase' ? c.terms.map((t) => t.stem) : [c.term.stem, ...c.fuzzy, ...(c.alternates ?? [])];
  const exacts = c.kind === 'phrase' ? c.terms.map((t) => t.exact) : [c.term.exact];
  return { stems: stems.map(tokenHash), exacts: exacts.map(tokenHash), phrase: c.kind === 'phrase' };
}

/** Whether part `part` of the head at `at` holds the clause's tokens: all of a phrase's, any of a word's forms. */
function headHolds(cols: DocColumns, at: number, part: number, hashes: number[], phrase: boolean): boolean {
  const start = partStart(cols.heads, at, part);
  const end = start + cols.heads[at + part];
  if (phrase) {
    for (const h of hashes) if (!rangeHas(cols.heads, start, end, h)) return false;
    return hashes.length > 0;
  }
  for (const h of hashes) if (rangeHas(cols.heads, start, end, h)) return true;
  return false;
}

/** Where one clause stands in article `pos`'s head: in the title (as a stem or as typed), as typed in it, in the summary; 0 when in neither. */
function headPlace(cols: DocColumns, pos: number, c: ClauseHashes): number {
  const at = cols.headAt[pos];
  const titleExact = headHolds(cols, at, 1, c.exacts, c.phrase);
  let score = 0;
  if (titleExact || headHolds(cols, at, 0, c.stems, c.phrase)) score += PLACE.title;
  if (titleExact) score += PLACE.titleExact;
  if (headHolds(cols, at, 2, c.stems, c.phrase) || headHolds(cols, at, 3, c.exacts, c.phrase)) score += PLACE.summary;
  return score;
}

/**
 * For groups of several clauses (OR, and the any-word fallback), the rows at or above `from` holding
 * each clause, where the engine can tell cheaply (see NEARNESS_ROWS): a row holding more of the words
 * ranks higher, as bm25's sum over terms has it. A commoner clause is known only where the head holds it.
 */
async function clausePresence(ctx: MatchContext, plan: QueryPlan, from: number): Promise<Map<PlanClause, Set<number>>> {
  const present = new Map<PlanClause, Set<number>>();
  const dialect = dialectOf(ctx.store);
  for (const group of plan.groups) {
    if (group.length < 2) continue;
    for (const c of group) {
      if (clauseCount(ctx, c) > NEARNESS_ROWS[dialect.scoring]) continue;
      present.set(c, new Set(await ridsOf(ctx, dialect.matchIds({ groups: [[c]], exclude: [], truncated: false }, [], { from }))));
    }
  }
  return present;
}

/** How many articles at most hold clause `c` (from the counts groupBounds read). */
function clauseCount(ctx: MatchContext, c: PlanClause): number {
  const df = ctx.df ?? new Map<string, number>();
  if (c.kind === 'phrase') return Math.min(...c.terms.map((t) => df.get(t.stem) ?? 0));
  return [c.term.stem, ...c.fuzzy, ...(c.alternates ?? [])].reduce((sum, x) => sum + (df.get(x) ?? 0), 0);
}

/**
 * Scores rows by where each group's words stand (see PLACE), weighted by rarity. A group of one clause
 * matched every row, so it stands at least "elsewhere"; in a group of several, each clause a row holds
 * adds its own share (`present` says which rows hold the rarer ones beyond their heads).
 */
async function rankByPlace(ctx: MatchContext, plan: QueryPlan, rows: Matched[], bounds: number[]): Promise<void> {
  if (rows.length === 0) return;
  const n = ctx.cols.size;
  const present = await clausePresence(ctx, plan, oldestRid(ctx.cols, rows));
  const groups = plan.groups.map((g, i) =>
    g.map((c) => ({ c, hashes: clauseHashes(c), idf: idf(Math.min(g.length > 1 ? clauseCount(ctx, c) : bounds[i], n), n), holders: present.get(c) })),
  );
  for (const r of rows) {
    for (const group of groups) {
      if (group.length === 1) {
        r.score += group[0].idf * (PLACE.elsewhere + headPlace(ctx.cols, r.pos, group[0].hashes));
        continue;
      }
      let found = false;
      let unknown = Infinity;
      for (const { hashes, idf: weight, holders } of group) {
        const head = headPlace(ctx.cols, r.pos, hashes);
        if (head > 0 || holders?.has(ctx.cols.rids[r.pos])) {
          r.score += weight * (PLACE.elsewhere + head);
          found = true;
        } else if (!holders) {
          unknown = Math.min(unknown, weight);
        }
      }
      // The row matched the group, so it holds one of the clauses nobody asked about: the commonest counts.
      if (!found && unknown < Infinity) r.score += unknown * PLACE.elsewhere;
    }
  }
}

/** A stretch of the archive (positions [start, end)) no sample read, and the share of its articles a broad query is taken to match there. */
export interface Region {
  start: number;
  end: number;
  density: number;
}

/**
 * What a broad query's counts stand on: the window, the next `sample` matches below it (a fifth of
 * the window, read by the same walk) and the oldest `sample` matches of the archive (FTS5 reaches both
 * ends of a doclist cheaply, not its middle). Rows of both samples are real matches; the stretch between them is estimated at the
 * mean of the two samples' densities, and spread over the sampled rows' weights.
 */
async function sampleOlder(ctx: MatchContext, plan: QueryPlan, upper: number[], sample: number): Promise<{ rows: Matched[]; regions: Region[] }> {
  const count = passCounter(ctx.cols, ctx.filter);
  const upperEnd = upper[0] + 1;
  const upperStart = upper[upper.length - 1];
  const lower = await walk(ctx, plan, sample, { from: ctx.cols.rids[0], below: ctx.cols.rids[upperStart], oldestFirst: true });
  const rows = [...upper, ...lower.pos];
  if (!lower.more) return { rows: rows.map((pos) => ({ pos, score: 0, weight: 1 })), regions: [] };
  const lowerEnd = lower.pos[lower.pos.length - 1] + 1;
  const density = (upper.length / Math.max(1, count(upperStart, upperEnd)) + lower.pos.length / Math.max(1, count(0, lowerEnd))) / 2;
  const middle = { start: lowerEnd, end: upperStart, density };
  const weight = 1 + (density * count(middle.start, middle.end)) / rows.length;
  return { rows: rows.map((pos) => ({ pos, score: 0, weight })), regions: [middle] };
}

const empty = (): MatchSet => ({ ranked: [], counted: [], approximate: false });

/** No words: every article passing the filters, counted exactly from the columns, the newest ranked. */
function everything(ctx: MatchContext): MatchSet {
  const counted: Matched[] = [];
  for (let pos = ctx.cols.size - 1; pos >= 0; pos--) if (!ctx.filter || ctx.filter(pos)) counted.push({ pos, score: 0, weight: 1 });
  return { ranked: counted.slice(0, ctx.window), counted, approximate: false };
}

/** Finds what `plan` matches, within the filters of `ctx`. */
export async function findMatches(ctx: MatchContext, plan: QueryPlan): Promise<MatchSet> {
  if (plan.groups.length === 0 && plan.exclude.length === 0) return everything(ctx);
  const sample = Math.max(1, Math.floor(ctx.window / SAMPLE_SHARE));
  const bounds = await groupBounds(ctx, plan);
  // Every group must match, so the rarest bounds the matches: a rare word goes straight to scoring.
  if (plan.groups.length && Math.min(...bounds) <= ctx.window) return narrow(ctx, plan, bounds);
  // Words that are each common can still meet rarely (independent words in half the articles meet in
  // a quarter; a phrase of them far less often): when few matches are expected, scoring them outright
  // costs one walk instead of two, and only a wrong guess pays for the second.
  const n = ctx.cols.size;
  const phrase = plan.groups.some((g) => g.some((c) => c.kind === 'phrase'));
  const together = bounds.length > 1 ? TOGETHER : 1;
  const expected = bounds.reduce((e, b) => e * Math.min(1, b / n), n) * together * (phrase ? PHRASE_ODDS : 1);
  // (Up to the window and its sample: those still fit in one scored read, which settles both outcomes.)
  if (plan.groups.length && expected <= ctx.window + sample && dialectOf(ctx.store).scoring === 'cheap') {
    const found = await scoreNewest(ctx, plan, sample);
    if (found) return found;
  }
  const got = await walk(ctx, plan, ctx.window + sample);
  if (!got.more) return got.pos.length ? narrow(ctx, plan, bounds, ctx.cols.rids[got.pos[got.pos.length - 1]], got.pos) : empty();
  const window = got.pos.slice(0, ctx.window).map((pos) => ({ pos, score: 0, weight: 1 }));
  if (plan.groups.length) {
    await rankByPlace(ctx, plan, window, bounds);
    addProximity(ctx.cols, plan, window);
  }
  const older = await sampleOlder(ctx, plan, got.pos.slice(ctx.window), sample);
  return { ranked: window, counted: [...window, ...older.rows], approximate: true, regions: older.regions };
}
