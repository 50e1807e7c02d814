/**
 * @module Search on SQLite: an FTS5 table over the analyzer's tokens (never raw text: FTS5's own
 * tokenizer splits Arabic words at harakat and knows no clitics). Each field has a stem column and an
 * exact-form column; a query word asks for its stem in the stem columns OR its exact form in the exact
 * columns, so bm25 scores an article holding the exact form on both and it outranks a stem-only match.
 */
import { sql, type RawBuilder } from 'kysely';
import { adjacentPairs, type PlanClause, type QueryPlan } from '../plan-query.ts';
import type { SearchDoc } from '../search-doc.ts';
import type { SearchDialect } from './dialect.ts';

const STEMS = '{title summary headings body meta}';
const EXACTS = '{title_x summary_x headings_x body_x meta_x}';
// Field weights for bm25, in column order: title, summary, headings, body, meta; stems then exact forms.
// FTS5 multiplies a column's hits by its weight BEFORE bm25's saturation (k1 = 1.2), so large weights
// saturate and a title hit barely beats a body hit; weights at or below 1 stay in the near-linear part.
// Exact forms weigh 0.4 of stems: enough to order exact above stem-only within a field, not so much
// that two exact words outweigh a third word's presence.
const WEIGHTS = '1.0, 0.5, 0.3, 0.15, 0.08, 0.4, 0.2, 0.12, 0.06, 0.032';

/** An FTS5 string literal. Tokens are letters and digits only (see index-token.ts); quoting is belt and braces. */
const lit = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

function clauseExpr(c: PlanClause): string {
  if (c.kind === 'phrase') {
    return `(${STEMS} : ${lit(c.terms.map((t) => t.stem))} OR ${EXACTS} : ${lit(c.terms.map((t) => t.exact))})`;
  }
  const alts = [`${STEMS} : ${lit([c.term.stem])}`, `${EXACTS} : ${lit([c.term.exact])}`];
  for (const f of [...c.fuzzy, ...(c.alternates ?? [])]) alts.push(`${STEMS} : ${lit([f])}`);
  return `(${alts.join(' OR ')})`;
}

// A token in every row (tatweel never survives normalization, so no word can equal it). OR-ed with an
// optional phrase, it keeps the phrase from filtering while bm25 still scores the phrase where present;
// being in every row, its own idf is nil.
const EVERYWHERE = '\u0640';

/** The FTS5 MATCH expression for a plan's groups: `(a OR b) AND (c)`, plus optional proximity phrases. */
export function ftsMatch(groups: PlanClause[][], proximity = true): string {
  const required = groups.map((g) => `(${g.map(clauseExpr).join(' OR ')})`);
  const optional = proximity ? adjacentPairs(groups).map((pair) => `(${STEMS} : ${lit(pair)} OR meta_x : ${lit([EVERYWHERE])})`) : [];
  return [...required, ...optional].join(' AND ');
}

const where = (filters: RawBuilder<unknown>[]) => (filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``);

export const sqliteSearch: SearchDialect = {
  async writeTokens(db, rid, doc: SearchDoc) {
    const f = doc.fields;
    const s = (k: keyof SearchDoc['fields']) => f[k].stems.join(' ');
    const x = (k: keyof SearchDoc['fields']) => f[k].exacts.join(' ') + (k === 'meta' ? ` ${EVERYWHERE}` : '');
    await sql`insert into search_fts (rowid, title, summary, headings, body, meta, title_x, summary_x, headings_x, body_x, meta_x)
      values (${rid}, ${s('title')}, ${s('summary')}, ${s('headings')}, ${s('body')}, ${s('meta')},
              ${x('title')}, ${x('summary')}, ${x('headings')}, ${x('body')}, ${x('meta')})`.execute(db);
  },

  async deleteTokens(db, rid) {
    await sql`delete from search_fts where rowid = ${rid}`.execute(db);
  },

  async clearTokens(db) {
    await sql`delete from search_fts`.execute(db);
  },

  matches(plan: QueryPlan, filters, scored) {
    const conds = [...filters];
    if (plan.exclude.length) {
      conds.push(sql`d.rid not in (select rowid from search_fts where search_fts match ${ftsMatch([plan.exclude], false)})`);
    }
    const cols = sql`d.rid, d.grp, d.lang, d.type, d.year, d.published, d.fresh, d.tags`;
    if (plan.groups.length === 0) return sql`select ${cols}, 0.0 as score from search_doc d where 1 = 1 ${where(conds)}`;
    const score = scored ? sql`-bm25(search_fts, ${sql.raw(WEIGHTS)})` : sql`0.0`;
    return sql`select ${cols}, ${score} as score
      from search_fts join search_doc d on d.rid = search_fts.rowid
      where search_fts match ${ftsMatch(plan.groups, scored)} ${where(conds)}`;
  },
};
