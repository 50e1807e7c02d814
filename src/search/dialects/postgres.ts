/**
 * @module Search on PostgreSQL: tsvectors written directly from the analyzer's tokens (no text search
 * configuration touches them, so both engines index the same tokens), weighted A title, B summary,
 * C headings, D body, plus a vector of author and taxonomy names; a GIN index over both. Stems decide
 * what matches and how it ranks; exact forms are kept as lexemes `=form` at their stem's position, asked
 * only which rows hold a word as typed (the bonus is added in shared code, as on SQLite). The rank is a sum over the query's groups of `ts_rank`
 * (length normalized), the closest PostgreSQL offers to per-term BM25 without keeping term statistics.
 */
import { sql, type RawBuilder } from 'kysely';
import type { PlanClause, QueryPlan } from '../plan-query.ts';
import { FIELDS, type FieldName, type SearchDoc } from '../search-doc.ts';
import type { RidRange, SearchDialect, TagFilter } from './dialect.ts';

const WEIGHT: Record<FieldName, string> = { title: 'A', summary: 'B', headings: 'C', body: 'D', meta: 'D' };
// ts_rank weights are given as {D, C, B, A}.
const RANK_WEIGHTS = `'{0.15, 0.3, 0.5, 1.0}'`;
const META_FACTOR = 0.1;
const MAX_POS = 16383;
/** Exact forms are lexemes `=form` at their stem's position: asked only which rows hold a word as typed. */
const EXACT = '=';

/** A tsvector literal: each token with its positions and weight (positions past 16383 share the last). */
function vectorLiteral(doc: SearchDoc, fields: readonly FieldName[]): string {
  const entries = new Map<string, string[]>();
  let pos = 1;
  const add = (lexeme: string, p: number, w: string) => {
    const list = entries.get(lexeme);
    const item = `${Math.min(p, MAX_POS)}${w}`;
    if (!list) entries.set(lexeme, [item]);
    else if (list.length < 256) list.push(item);
  };
  for (const field of fields) {
    const { stems, exacts } = doc.fields[field];
    const w = WEIGHT[field];
    for (let i = 0; i < stems.length; i++) {
      add(stems[i], pos, w);
      add(EXACT + exacts[i], pos, w);
      pos++;
    }
    pos += 2; // a gap, so a phrase never spans two fields
  }
  return [...entries].map(([lexeme, ps]) => `'${lexeme.replace(/'/g, "''")}':${ps.join(',')}`).join(' ');
}

const q = (lexeme: string) => `'${lexeme.replace(/['\\]/g, (c) => '\\' + c)}'`;

/** A clause as tsquery text: its stem (and typo and other-script variants), or its phrase of stems. */
function clauseQuery(c: PlanClause): string {
  if (c.kind === 'phrase') return `(${c.terms.map((t) => q(t.stem)).join(' <-> ')})`;
  return `(${[c.term.stem, ...c.fuzzy, ...(c.alternates ?? [])].map(q).join(' | ')})`;
}

const groupQuery = (g: PlanClause[]) => `(${g.map(clauseQuery).join(' | ')})`;

function conditions(tags: readonly TagFilter[], range: RidRange): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (range.from !== undefined) out.push(sql`d.rid >= ${range.from}`);
  if (range.below !== undefined) out.push(sql`d.rid < ${range.below}`);
  for (const [facet, value] of tags) out.push(sql`d.rid in (select rid from search_tag where facet = ${facet} and value = ${value})`);
  return out;
}

/** The WHERE conditions of a plan: every group, no exclusion, the tags and the range. */
function matching(plan: QueryPlan, tags: readonly TagFilter[], range: RidRange): RawBuilder<unknown> {
  const conds = conditions(tags, range);
  if (plan.groups.length) conds.push(sql`d.vall @@ ${plan.groups.map((g) => groupQuery(g)).join(' & ')}::tsquery`);
  if (plan.exclude.length) conds.push(sql`not (d.vall @@ ${groupQuery(plan.exclude)}::tsquery)`);
  return conds.length ? sql.join(conds, sql` and `) : sql`true`;
}

export const postgresSearch: SearchDialect = {
  scoring: 'dear',

  async writeTokens(db, rid, doc: SearchDoc) {
    const main = vectorLiteral(doc, FIELDS.filter((f) => f !== 'meta'));
    const meta = vectorLiteral(doc, ['meta']);
    await sql`update search_doc set v = ${main}::tsvector, m = ${meta}::tsvector, vall = ${main}::tsvector || ${meta}::tsvector
      where rid = ${rid}`.execute(db);
  },

  async deleteTokens() {
    // The tokens live on the search_doc row, which the caller deletes.
  },

  async clearTokens() {
    // Likewise: clearing search_doc clears them.
  },

  async optimize(db) {
    // Without statistics the planner cannot tell a word in half the archive (walk the primary key
    // backwards) from a rare one (bitmap from the GIN index).
    await sql`analyze search_doc`.execute(db);
    await sql`analyze search_tag`.execute(db);
  },

  matchIds(plan, tags, range = {}) {
    const limit = range.limit === undefined ? sql`` : sql` limit ${range.limit}`;
    const order = range.oldestFirst ? sql`asc` : sql`desc`;
    return sql<{ rid: number }>`select d.rid from search_doc d where ${matching(plan, tags, range)} order by d.rid ${order}${limit}`;
  },

  asTyped(group, from) {
    const query = group
      .map((c) => (c.kind === 'phrase' ? `(${c.terms.map((t) => q(EXACT + t.exact)).join(' <-> ')})` : q(EXACT + c.term.exact)))
      .join(' | ');
    return sql<{ rid: number }>`select d.rid from search_doc d where d.rid >= ${from} and d.vall @@ ${query}::tsquery`;
  },

  adjacent(pair, from) {
    return sql<{ rid: number }>`select d.rid from search_doc d where d.rid >= ${from} and d.v @@ ${`${q(pair[0])} <-> ${q(pair[1])}`}::tsquery`;
  },

  scored(plan, tags, from, limit) {
    const cond = matching(plan, tags, { from });
    const newest = limit === undefined ? sql`` : sql` order by d.rid desc limit ${limit}`;
    if (plan.groups.length === 0) return sql<{ rid: number; score: number }>`select d.rid, 0::float8 as score from search_doc d where ${cond}${newest}`;
    const rank = sql.join(
      plan.groups.map((g) => {
        const stems = groupQuery(g);
        return sql`ts_rank(${sql.raw(RANK_WEIGHTS)}::float4[], d.v, ${stems}::tsquery, 1)
          + ${META_FACTOR} * ts_rank(d.m, ${stems}::tsquery, 1)`;
      }),
      sql` + `,
    );
    return sql<{ rid: number; score: number }>`select d.rid, (${rank})::float8 as score from search_doc d where ${cond}${newest}`;
  },
};
