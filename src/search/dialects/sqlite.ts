/**
 * @module Search on SQLite: an FTS5 table over the analyzer's tokens (never raw text: FTS5's own
 * tokenizer splits Arabic words at harakat and knows no clitics): a stem column and an exact-form
 * column per field. Stems decide what matches and bm25 scores them (an article holding a word as typed
 * holds its stem); the exact-form columns are only asked which rows hold a word as typed, unscored.
 * FTS5 walks a term's rows in rowid order and stops at a LIMIT, which the bounded queries of a broad
 * search rely on; bm25 reads every row of every term it scores (for their idf), so it is only asked
 * about narrow ones, and each word is one phrase.
 */
import { sql, type RawBuilder } from 'kysely';
import type { PlanClause, QueryPlan } from '../plan-query.ts';
import type { SearchDoc } from '../search-doc.ts';
import { searchDb } from '../tables.ts';
import { chunksOf } from '../../store/index.ts';
import { docRow } from '../doc-row.ts';
import { REBUILT_TABLES, type RidRange, type SearchDialect, type TagFilter } from './dialect.ts';

const STEMS = '{title summary headings body meta}';
const COLUMNS = 'title, summary, headings, body, meta, title_x, summary_x, headings_x, body_x, meta_x';
const EXACTS = '{title_x summary_x headings_x body_x meta_x}';
// Field weights for bm25, in column order: title, summary, headings, body, meta (then the five
// exact-form columns, which no scored query asks about). FTS5 multiplies a column's hits by its weight BEFORE bm25's saturation (k1 =
// 1.2), so large weights saturate and a title hit barely beats a body hit; weights at or below 1 stay
// in the near-linear part.
const WEIGHTS = '1.0, 0.5, 0.3, 0.15, 0.08, 0, 0, 0, 0, 0';

/** An FTS5 string literal. Tokens are letters and digits only (see index-token.ts); quoting is belt and braces. */
const lit = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

/** A clause over the stem columns: its stem and variants, or its phrase of stems. */
function clauseExpr(c: PlanClause): string {
  if (c.kind === 'phrase') return `(${STEMS} : ${lit(c.terms.map((t) => t.stem))})`;
  return `(${[c.term.stem, ...c.fuzzy, ...(c.alternates ?? [])].map((x) => `${STEMS} : ${lit([x])}`).join(' OR ')})`;
}

const groupExpr = (g: PlanClause[]) => `(${g.map(clauseExpr).join(' OR ')})`;

/**
 * The FTS5 MATCH expression for a plan: `((a OR b) AND (c)) NOT (x)`; undefined when it has no groups.
 */
export function ftsMatch(plan: Pick<QueryPlan, 'groups' | 'exclude'>): string | undefined {
  if (plan.groups.length === 0) return undefined;
  const required = `(${plan.groups.map((g) => groupExpr(g)).join(' AND ')})`;
  return plan.exclude.length ? `${required} NOT ${groupExpr(plan.exclude)}` : required;
}

function conditions(col: string, tags: readonly TagFilter[], range: RidRange): RawBuilder<unknown>[] {
  const c = sql.ref(col);
  const out: RawBuilder<unknown>[] = [];
  if (range.from !== undefined) out.push(sql`${c} >= ${range.from}`);
  if (range.below !== undefined) out.push(sql`${c} < ${range.below}`);
  for (const [facet, value] of tags) out.push(sql`${c} in (select rid from search_tag where facet = ${facet} and value = ${value})`);
  return out;
}

const and = (conds: RawBuilder<unknown>[]) => (conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``);

export const sqliteSearch: SearchDialect = {
  scoring: 'cheap',

  rowTokens() {
    return {};
  },

  async writeTokens(db, rid, doc: SearchDoc) {
    const f = doc.fields;
    const s = (k: keyof SearchDoc['fields']) => f[k].stems.join(' ');
    const x = (k: keyof SearchDoc['fields']) => f[k].exacts.join(' ');
    // The tokens are kept (search_tok, the table's content) so that removing the row later can tell
    // FTS5 what it held: only then does FTS5 take it out of bm25's statistics (see migration 072).
    await sql`insert into search_tok (rid, title, summary, headings, body, meta, title_x, summary_x, headings_x, body_x, meta_x)
      values (${rid}, ${s('title')}, ${s('summary')}, ${s('headings')}, ${s('body')}, ${s('meta')},
              ${x('title')}, ${x('summary')}, ${x('headings')}, ${x('body')}, ${x('meta')})`.execute(db);
    await sql`insert into search_fts (rowid, ${sql.raw(COLUMNS)}) select rid, ${sql.raw(COLUMNS)} from search_tok where rid = ${rid}`.execute(db);
  },

  async deleteTokens(db, rid) {
    await sql`insert into search_fts (search_fts, rowid, ${sql.raw(COLUMNS)}) select 'delete', rid, ${sql.raw(COLUMNS)} from search_tok where rid = ${rid}`.execute(db);
    await sql`delete from search_tok where rid = ${rid}`.execute(db);
  },

  async rowStems(db, rid) {
    const r = await sql<{ t: string }>`select title || ' ' || summary || ' ' || headings || ' ' || body || ' ' || meta as t from search_tok where rid = ${rid}`.execute(db);
    return r.rows.length ? [...new Set(r.rows[0].t.split(' ').filter(Boolean))] : [];
  },

  async clearTokens(db) {
    // 'delete-all' also resets the statistics, which a plain DELETE would leave counting the old rows.
    await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
    await sql`delete from search_tok`.execute(db);
  },

  async beginRebuild(db) {
    // The transaction is the writer's (BEGIN IMMEDIATE); readers in WAL mode keep their snapshot of the old rows.
    await sqliteSearch.clearTokens(db);
    for (const t of REBUILT_TABLES) await db.deleteFrom(t).execute();
    return { search_doc: 'search_doc', search_text: 'search_text', search_align: 'search_align', search_link: 'search_link', search_tag: 'search_tag' };
  },

  async writeRebuild(db, _tables, batch) {
    // Rows of about 15 bound values each: well under SQLite's limit (store/chunks.ts).
    const docs = batch.docs.map(({ doc, rid, grp }) => docRow(doc, rid, grp, sqliteSearch));
    for (const part of chunksOf(docs, 16)) await db.insertInto('search_doc').values(part).execute();
    for (const part of chunksOf(batch.texts, 2)) await db.insertInto('search_text').values(part).execute();
    for (const part of chunksOf(batch.aligns, 2)) await db.insertInto('search_align').values(part).execute();
    for (const part of chunksOf(batch.links, 2)) await db.insertInto('search_link').values(part).execute();
    for (const part of chunksOf(batch.tags, 3)) await db.insertInto('search_tag').values(part).execute();
    for (const { rid, doc } of batch.docs) await sqliteSearch.writeTokens(db, rid, doc);
  },

  async endRebuild(db) {
    // Filled in place: nothing to swap; the full-text index merged and the statistics fresh.
    await sqliteSearch.optimize(db);
  },

  async optimize(db) {
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
    await sql`analyze`.execute(db);
  },

  matchIds(plan, tags, range = {}) {
    const limit = range.limit === undefined ? sql`` : sql` limit ${range.limit}`;
    const order = range.oldestFirst ? sql`asc` : sql`desc`;
    const match = ftsMatch(plan);
    if (match === undefined) {
      const excluded = plan.exclude.length ? [sql`rid not in (select rowid from search_fts where search_fts match ${groupExpr(plan.exclude)})`] : [];
      const conds = [...excluded, ...conditions('rid', tags, range)];
      return sql<{ rid: number }>`select rid from search_doc where 1 = 1${and(conds)} order by rid ${order}${limit}`;
    }
    return sql<{ rid: number }>`select rowid as rid from search_fts where search_fts match ${match}${and(conditions('rowid', tags, range))}
      order by rowid ${order}${limit}`;
  },

  asTyped(group, from) {
    const expr = group
      .map((c) => `${EXACTS} : ${lit(c.kind === 'phrase' ? c.terms.map((t) => t.exact) : [c.term.exact])}`)
      .join(' OR ');
    return sql<{ rid: number }>`select rowid as rid from search_fts where search_fts match ${expr} and rowid >= ${from}`;
  },

  adjacent(pair, from) {
    return sql<{ rid: number }>`select rowid as rid from search_fts where search_fts match ${`${STEMS} : ${lit([...pair])}`} and rowid >= ${from}`;
  },

  async rows(store, query) {
    await yieldWhenBusy();
    return (await query.execute(searchDb(store))).rows;
  },

  session(store, fn) {
    return fn(store);
  },

  scored(plan, tags, from, limit, among) {
    const match = ftsMatch(plan);
    if (match === undefined) {
      const ids = sqliteSearch.matchIds(plan, tags, { from, limit });
      return sql<{ rid: number; score: number }>`select rid, 0.0 as score from (${ids})`;
    }
    const newest = limit === undefined ? sql`` : sql` order by rowid desc limit ${limit}`;
    const only = among ? [sql`rowid in (${sql.join(among.length ? among : [-1])})`] : [];
    return sql<{ rid: number; score: number }>`select rowid as rid, -bm25(search_fts, ${sql.raw(WEIGHTS)}) as score
      from search_fts where search_fts match ${match}${and([...conditions('rowid', tags, { from }), ...only])}${newest}`;
  },
};

/** How long a search may hold the event loop before it lets other requests run (ms). */
const SLICE_MS = 4;
let sliceStarted = performance.now();

/**
 * better-sqlite3 answers synchronously and Kysely hands its answers over as resolved promises, so a
 * whole search (dozens of queries) otherwise runs as one block of microtasks: an article page that
 * arrives meanwhile waits for all of it. Between two of a search's queries, once it has held the loop
 * for SLICE_MS, this gives the loop one turn (setImmediate runs after pending I/O), so pages are served
 * beside a flood of searches.
 */
async function yieldWhenBusy(): Promise<void> {
  if (performance.now() - sliceStarted < SLICE_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  sliceStarted = performance.now();
}

