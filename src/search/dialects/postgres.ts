/**
 * @module Search on PostgreSQL: tsvectors written directly from the analyzer's tokens (no text search
 * configuration touches them, so both engines index the same tokens), weighted A title, B summary,
 * C headings, D body, plus a vector of author and taxonomy names; a GIN index over both. Stems decide
 * what matches and how it ranks; exact forms are kept as lexemes `=form` at their stem's position, asked
 * only which rows hold a word as typed (the bonus is added in shared code, as on SQLite). The rank is a
 * sum over the query's groups of `ts_rank` (length normalized), the closest PostgreSQL offers to
 * per-term BM25 without keeping term statistics. Every search query is made to match through the GIN
 * index (see throughGin): testing a row's vector means detoasting it.
 */
import { sql, type RawBuilder } from 'kysely';
import type { PlanClause, QueryPlan } from '../plan-query.ts';
import { pairKey } from '../head.ts';
import { FIELDS, type FieldName, type SearchDoc } from '../search-doc.ts';
import { insertRows, type ElementType, type Store } from '../../store/index.ts';
import { searchDb, type SearchDb } from '../tables.ts';
import { docColumns } from '../doc-row.ts';
import { REBUILT_TABLES, type RebuildBatch, type RebuildTables, type RebuiltTable, type RidRange, type SearchDialect, type TagFilter } from './dialect.ts';

const WEIGHT: Record<FieldName, string> = { title: 'A', summary: 'B', headings: 'C', body: 'D', meta: 'D' };
// ts_rank weights are given as {D, C, B, A}.
const RANK_WEIGHTS = `'{0.15, 0.3, 0.5, 1.0}'`;
const META_FACTOR = 0.1;
const MAX_POS = 16383;
/** Exact forms are lexemes `=form` at their stem's position: asked only which rows hold a word as typed. */
const EXACT = '=';

/**
 * PostgreSQL refuses a lexeme over 2,046 bytes, and with it the whole row: a "word" that long is no word
 * a reader types, so it is left out of the vectors (UTF-8 takes at most 3 bytes a UTF-16 unit).
 */
const fits = (lexeme: string) => lexeme.length <= 682 || Buffer.byteLength(lexeme) <= 2046;

/**
 * Bytes a row's vectors may take, below a tsvector's limit of 1 MB, which would refuse the row. `vall`
 * holds the others, so all share one budget: names first, then the words (two thirds of the rest), then
 * pair lexemes.
 * What does not fit (the later tokens of a report of some 100,000 words) is not searchable on
 * PostgreSQL; SQLite's index has no such limit.
 */
const VECTOR_BYTES = 960_000;
interface Budget {
  left: number;
}
/** What a lexeme costs in a tsvector: its entry (4 bytes), its bytes, its positions' count (2). */
const lexemeCost = (lexeme: string) => 6 + (lexeme.length <= 682 ? Buffer.byteLength(lexeme) : 2046);

/** A tsvector position as PostgreSQL stores it: the weight (A 3 … D 0) in the top two bits. */
const WEIGHT_BITS: Record<string, number> = { A: 3 << 14, B: 2 << 14, C: 1 << 14, D: 0 };
const POS_OF = 0x3fff;

/** A vector's lexemes, each with its positions (empty for pair lexemes, which have none). */
type Entries = Map<string, number[]>;

/** Each token of `fields` with its positions and weight (positions past 16383 share the last). */
function vectorEntries(doc: SearchDoc, fields: readonly FieldName[], budget: Budget): Entries {
  const entries: Entries = new Map();
  let pos = 1;
  const add = (lexeme: string, p: number, w: number) => {
    const list = entries.get(lexeme);
    const item = Math.min(p, MAX_POS) | w;
    if (!list) {
      const cost = lexemeCost(lexeme) + 2;
      if (!fits(lexeme) || cost > budget.left) return;
      budget.left -= cost;
      entries.set(lexeme, [item]);
    } else if (list.length < 256 && budget.left >= 2) {
      budget.left -= 2;
      list.push(item);
    }
  };
  for (const field of fields) {
    const { stems, exacts } = doc.fields[field];
    const w = WEIGHT_BITS[WEIGHT[field]];
    for (let i = 0; i < stems.length; i++) {
      add(stems[i], pos, w);
      add(EXACT + exacts[i], pos, w);
      pos++;
    }
    pos += 2; // a gap, so a phrase never spans two fields
  }
  return entries;
}

/**
 * Each field's adjacent stems as one lexeme `a b` (no positions; no stem holds a space), kept in `vall`
 * only: a phrase of two words is then one GIN lookup, and a longer one rechecks only the rows holding
 * all its pairs. Matching `a <-> b` alone makes the GIN index hand over every row holding both words,
 * each detoasted to compare positions: over a second for two common words among 100,000 articles.
 */
function pairEntries(doc: SearchDoc, fields: readonly FieldName[], budget: Budget): Entries {
  const pairs: Entries = new Map();
  for (const field of fields) {
    const stems = doc.fields[field].stems;
    for (let i = 1; i < stems.length; i++) {
      const pair = pairKey(stems[i - 1], stems[i]);
      if (pairs.has(pair) || !fits(pair)) continue;
      const cost = lexemeCost(pair);
      if (cost > budget.left) return pairs;
      budget.left -= cost;
      pairs.set(pair, []);
    }
  }
  return pairs;
}

/**
 * The positions PostgreSQL keeps of a lexeme's sorted list, as its text input does (uniquePos in
 * tsvector.c): one per position, the first at 16383 ending the list (a repeated first position takes
 * the highest weight). Only positions clamped to 16383 ever repeat here.
 */
function keptPositions(list: number[]): number[] {
  if (list.length <= 1 || (list[list.length - 1] & POS_OF) < MAX_POS) return list;
  const out = [list[0]];
  for (let i = 1; i < list.length; i++) {
    const last = out[out.length - 1];
    if ((list[i] & POS_OF) !== (last & POS_OF)) {
      out.push(list[i]);
      if ((list[i] & POS_OF) === MAX_POS) break;
    } else if (list[i] >> 14 > last >> 14) out[out.length - 1] = (last & POS_OF) | (list[i] & ~POS_OF);
  }
  return out;
}

/**
 * A tsvector in PostgreSQL's binary form (tsvectorrecv): the lexeme count, then each lexeme in UTF-8
 * ending in a zero byte, its count of positions and the positions, all big-endian. Sent as a Buffer,
 * node-postgres binds it in binary: the server copies it in, where the text form cost it a parse of
 * every character (about half of its time writing `search_doc` rows). The lexemes go in the order they came:
 * the server sorts them (by their UTF-8 bytes, in C), which sorting them here cost Node a twentieth of
 * a rebuild. The vector stored holds what the text form's did; only its bytes are laid out in that order.
 */
function binaryVector(entries: Entries): Buffer {
  let size = 4;
  for (const [lexeme, list] of entries) size += lexeme.length * 3 + 3 + list.length * 2;
  const buf = Buffer.allocUnsafe(size);
  buf.writeUInt32BE(entries.size, 0);
  let at = 4;
  for (const [lexeme, list] of entries) {
    at += buf.write(lexeme, at, 'utf8');
    buf[at] = 0;
    buf[at + 1] = list.length >> 8;
    buf[at + 2] = list.length & 0xff;
    at += 3;
    for (const p of list) {
      buf[at] = p >> 8;
      buf[at + 1] = p & 0xff;
      at += 2;
    }
  }
  return buf.subarray(0, at);
}

/** The same vector as a tsvector literal (what was written before the binary form; tests compare the two). */
function textVector(entries: Entries): string {
  const letter = (p: number) => 'DCBA'[p >> 14];
  return [...entries]
    .map(([lexeme, ps]) => `'${lexeme.replace(/'/g, "''")}'${ps.length ? ':' + ps.map((p) => `${p & POS_OF}${letter(p)}`).join(',') : ''}`)
    .join(' ');
}

/**
 * A document's three vectors' entries, each lexeme's positions those PostgreSQL keeps: `v` (title,
 * summary, headings, body), `m` (author and taxonomy names) and the pair lexemes `vall` adds to both.
 */
function docVectors(doc: SearchDoc): { main: Entries; meta: Entries; pairs: Entries } {
  const { main, meta, pairs } = vectorsAsListed(doc);
  for (const entries of [main, meta]) for (const [lexeme, list] of entries) entries.set(lexeme, keptPositions(list));
  return { main, meta, pairs };
}

/**
 * The entries as the text form lists them: up to 256 positions a lexeme, repeats at 16383 included
 * (PostgreSQL keeps of them what keptPositions keeps).
 *
 * Bytes a row's vectors may take are shared (see VECTOR_BYTES): names first, a few bytes and always
 * wanted; then the words get two thirds of what is left, so a long report's opening is still found
 * as phrases; then the pairs.
 */
function vectorsAsListed(doc: SearchDoc): { main: Entries; meta: Entries; pairs: Entries } {
  const budget = { left: VECTOR_BYTES };
  const meta = vectorEntries(doc, ['meta'], budget);
  const words = { left: Math.floor((budget.left * 2) / 3) };
  budget.left -= words.left;
  const main = vectorEntries(doc, FIELDS.filter((f) => f !== 'meta'), words);
  budget.left += words.left;
  const pairs = pairEntries(doc, FIELDS, budget);
  return { main, meta, pairs };
}

/**
 * `main || meta || pairs` as PostgreSQL's `||` joins tsvectors (tsvector_concat): the right one's
 * positions move past the left one's last (at most to 16383), a lexeme in both keeps the left one's
 * positions and then the right one's, up to 256 or the first at 16383. Joined here, the server only
 * copies `vall` in: joining three vectors a row added half again to its time storing them.
 */
function joinedVector(main: Entries, meta: Entries, pairs: Entries): Entries {
  let maxpos = 0;
  for (const list of main.values()) for (const p of list) maxpos = Math.max(maxpos, p & POS_OF);
  const out: Entries = new Map(main);
  for (const [lexeme, list] of meta) {
    const joined = [...(out.get(lexeme) ?? [])];
    for (const p of list) {
      if (joined.length >= 256 || (joined.length > 0 && (joined[joined.length - 1] & POS_OF) === MAX_POS)) break;
      joined.push((p & ~POS_OF) | Math.min((p & POS_OF) + maxpos, MAX_POS));
    }
    out.set(lexeme, joined);
  }
  // Pair lexemes have no positions, and hold a space no other lexeme holds.
  for (const lexeme of pairs.keys()) out.set(lexeme, []);
  return out;
}

/**
 * A document's vectors as the tsvector literals written before the binary form: `v`, `m` and what
 * `vall` joins to them (`v || m || pairs`). Tests read them into PostgreSQL to check the binary vectors.
 */
export function vectorsAsText(doc: SearchDoc): { v: string; m: string; pairs: string } {
  const { main, meta, pairs } = vectorsAsListed(doc);
  return { v: textVector(main), m: textVector(meta), pairs: textVector(pairs) };
}

const q = (lexeme: string) => `'${lexeme.replace(/['\\]/g, (c) => '\\' + c)}'`;

/**
 * A clause as tsquery text: its stem (and typo and other-script variants), or its phrase of stems —
 * for matching (`vall`) through the phrase's pair lexemes, for ranking (`v`, which has none) by positions.
 */
function clauseQuery(c: PlanClause, use: 'match' | 'rank'): string {
  if (c.kind === 'term') return `(${[c.term.stem, ...c.fuzzy, ...(c.alternates ?? [])].map(q).join(' | ')})`;
  const stems = c.terms.map((t) => t.stem);
  const positional = stems.map(q).join(' <-> ');
  if (use === 'rank' || stems.length < 2) return `(${positional})`;
  const pairs = stems.slice(1).map((b, i) => q(pairKey(stems[i], b)));
  return stems.length === 2 ? `(${pairs[0]})` : `(${pairs.join(' & ')} & ${positional})`;
}

const groupQuery = (g: PlanClause[], use: 'match' | 'rank' = 'match') => `(${g.map((c) => clauseQuery(c, use)).join(' | ')})`;

function conditions(tags: readonly TagFilter[], range: RidRange, rid: RawBuilder<unknown>): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (range.from !== undefined) out.push(sql`${rid} >= ${range.from}`);
  if (range.below !== undefined) out.push(sql`${rid} < ${range.below}`);
  for (const [facet, value] of tags) out.push(sql`d.rid in (select rid from search_tag where facet = ${facet} and value = ${value})`);
  return out;
}

/** The WHERE conditions of a plan: every group, no exclusion, the tags and the range. */
function matching(plan: QueryPlan, tags: readonly TagFilter[], range: RidRange): RawBuilder<unknown> {
  const conds = conditions(tags, range, ridOf(plan));
  if (plan.groups.length) conds.push(sql`d.vall @@ ${plan.groups.map((g) => groupQuery(g)).join(' & ')}::tsquery`);
  // As a set of rids from the index, not a test of each row's vector (which would detoast it).
  if (plan.exclude.length) conds.push(sql`d.rid not in (select e.rid from search_doc e where e.vall @@ ${groupQuery(plan.exclude)}::tsquery)`);
  return conds.length ? sql.join(conds, sql` and `) : sql`true`;
}

/**
 * Search queries run with table scans priced out. The planner's cost model does not know that testing a
 * row's tsvector means detoasting it: for a word in a third of the archive it prefers reading the
 * whole table and testing every row (146 ms for 10,000 articles) to the GIN index's bitmap and a
 * top-N sort (5 ms). For the same reason a query with words compares and orders rids as `rid + 0`,
 * which no btree serves: walking the primary key newest first tests (and detoasts) every row it passes.
 * SET LOCAL lasts the transaction.
 */
async function throughGin<R>(store: Store, query: RawBuilder<R>): Promise<R[]> {
  const db = searchDb(store);
  if (tuned.has(store)) return (await query.execute(db)).rows;
  if (db.isTransaction) {
    // Inside the caller's transaction: put the setting back for whatever it runs next.
    await sql`set local enable_seqscan to off`.execute(db);
    try {
      return (await query.execute(db)).rows;
    } finally {
      await sql`set local enable_seqscan to default`.execute(db);
    }
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan to off`.execute(trx);
    return (await query.execute(trx)).rows;
  });
}

/** Search sessions' transactions, where the setting is made once for all their queries. */
const tuned = new WeakSet<Store>();

/** One transaction for a search's queries, the setting made once (four round trips a query saved). */
async function ginSession<T>(store: Store, fn: (store: Store) => Promise<T>): Promise<T> {
  if (store.db.isTransaction) return fn(store); // the caller's transaction: throughGin sets and restores per query
  return store.transaction(async (tx) => {
    await sql`set local enable_seqscan to off`.execute(tx.db);
    tuned.add(tx);
    return fn(tx);
  });
}

/** The rid as a query with words compares and orders it (see throughGin). */
const RID = sql`(d.rid + 0)`;

/** Without words, only exclusions, walking the primary key newest first is the plan: no index finds what a row lacks. */
const ridOf = (plan: QueryPlan) => (plan.groups.length ? RID : sql`d.rid`);

/** A rebuilt table's name while it is being filled, and of each of its indexes and constraints. */
const NEXT = '_rebuild';

/** A schema's name quoted for SQL (the tables' and indexes' names are Mizan's own, plain). */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The schema holding `table` (as the store's search path finds it): the new tables go beside the old. */
async function schemaOf(db: SearchDb, table: string): Promise<string> {
  const r = await sql<{ s: string }>`select n.nspname as s from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = to_regclass(${table})`.execute(db);
  if (!r.rows[0]) throw new Error(`search table ${table} not found on the search path`);
  return r.rows[0].s;
}

/**
 * Puts each filled table in its old one's place, in the rebuild's transaction: first its indexes,
 * built once over all its rows (a GIN index filled row by row costs several times more, and a
 * replacing rebuild's DELETE left the old rows to step over), as the old table's were defined; then
 * the old table dropped and the new one renamed. Readers go on reading the old tables until the drop,
 * which waits for the searches under way, and see the new ones from the commit.
 */
async function swapIn(db: SearchDb, tables: RebuildTables, schema: string): Promise<void> {
  const drops: string[] = [];
  const renames: string[] = [];
  for (const t of REBUILT_TABLES) {
    const qualified = `${ident(schema)}.${t}`;
    const next = tables[t];
    const indexes = await sql<{ name: string; def: string; con: string | null; kind: string | null }>`
      select ic.relname as name, pg_get_indexdef(i.indexrelid) as def, c.conname as con, c.contype as kind
      from pg_index i join pg_class ic on ic.oid = i.indexrelid
      left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
      where i.indrelid = ${qualified}::regclass order by ic.relname`.execute(db);
    drops.push(`drop table ${qualified}`);
    renames.push(`alter table ${ident(schema)}.${next} rename to ${t}`);
    for (const { name, def, con, kind } of indexes.rows) {
      const on = /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:ONLY )?)(\S+)( .*)$/s.exec(def);
      if (!on) throw new Error(`cannot rebuild index ${name} of ${t}: ${def}`);
      await sql.raw(`${on[1]}${name}${NEXT}${on[3]}${ident(schema)}.${next}${on[5]}`).execute(db);
      if (con && (kind === 'p' || kind === 'u')) {
        // The constraint takes the index over under its own name (which PostgreSQL keeps the index's);
        // renaming the constraint renames the index.
        await sql.raw(`alter table ${ident(schema)}.${next} add constraint ${con}${NEXT} ${kind === 'p' ? 'primary key' : 'unique'} using index ${name}${NEXT}`).execute(db);
        renames.push(`alter table ${qualified} rename constraint ${con}${NEXT} to ${con}`);
      } else renames.push(`alter index ${ident(schema)}.${name}${NEXT} rename to ${name}`);
    }
    // A serial column's sequence belongs to its table, and would go with the old one.
    const owned = await sql<{ seq: string | null; col: string }>`
      select a.attname as col, pg_get_serial_sequence(${qualified}, a.attname) as seq from pg_attribute a
      where a.attrelid = ${qualified}::regclass and a.attnum > 0 and not a.attisdropped`.execute(db);
    for (const { col, seq } of owned.rows) if (seq) await sql.raw(`alter sequence ${seq} owned by ${ident(schema)}.${next}.${col}`).execute(db);
  }
  // The planner's statistics (what optimize refreshes) before readers see the tables, not while they wait.
  for (const t of ['search_doc', 'search_tag'] as const) await sql.raw(`analyze ${ident(schema)}.${tables[t]}`).execute(db);
  // The drops and renames last and together: readers wait only for them (and the commit).
  for (const statement of [...drops, ...renames]) await sql.raw(statement).execute(db);
}

/** The columns of the rebuilt tables with their types, for the binary arrays (see store/insert-rows.ts). */
const COLUMNS = {
  search_doc: [
    ['rid', 'int8'], ['id', 'text'], ['lang', 'text'], ['type', 'text'], ['title', 'text'], ['path', 'text'], ['published', 'text'], ['year', 'int4'],
    ['fresh', 'float8'], ['grp', 'text'], ['tags', 'text'], ['head', 'bytea'], ['v', 'tsvector'], ['m', 'tsvector'], ['vall', 'tsvector'],
  ],
  search_text: [['rid', 'int8'], ['text', 'text']],
  search_align: [['rid', 'int8'], ['units', 'text']],
  search_link: [['rid', 'int8'], ['path', 'text']],
  search_tag: [['rid', 'int8'], ['facet', 'text'], ['value', 'text']],
} as const satisfies Record<RebuiltTable, readonly (readonly [string, ElementType])[]>;

/** The rows of one batch, each table's in one statement. */
async function writeBatch(db: SearchDb, tables: RebuildTables, batch: RebuildBatch, schema: string): Promise<void> {
  const docs = batch.docs.map(({ doc, rid, grp }) => {
    const { main, meta, pairs } = docVectors(doc);
    return { ...docColumns(doc, rid, grp), v: binaryVector(main), m: binaryVector(meta), vall: binaryVector(joinedVector(main, meta, pairs)) };
  });
  const into = (t: RebuiltTable) => `${schema}.${tables[t]}`;
  await insertRows(db, into('search_doc'), COLUMNS.search_doc, docs);
  await insertRows(db, into('search_text'), COLUMNS.search_text, batch.texts);
  await insertRows(db, into('search_align'), COLUMNS.search_align, batch.aligns);
  await insertRows(db, into('search_link'), COLUMNS.search_link, batch.links);
  await insertRows(db, into('search_tag'), COLUMNS.search_tag, batch.tags);
}

/** The schema a rebuild's tables are in, by their names for it. */
const rebuildSchemas = new WeakMap<RebuildTables, string>();

export const postgresSearch: SearchDialect = {
  scoring: 'dear',

  rowTokens(doc: SearchDoc) {
    // Written with the row: an UPDATE after the INSERT wrote every index and the TOAST twice.
    const { main, meta, pairs } = docVectors(doc);
    return {
      v: sql`${binaryVector(main)}::tsvector`,
      m: sql`${binaryVector(meta)}::tsvector`,
      vall: sql`${binaryVector(joinedVector(main, meta, pairs))}::tsvector`,
    };
  },

  async writeTokens() {
    // The vectors went in with the row (rowTokens).
  },

  async deleteTokens() {
    // The tokens live on the search_doc row, which the caller deletes.
  },

  async rowStems(db, rid) {
    // v and m hold the stems and the `=form` exact lexemes (the pair lexemes are only in vall).
    const r = await sql<{ t: string }>`select distinct t from search_doc, unnest(tsvector_to_array(v || m)) as t where rid = ${rid}`.execute(db);
    return r.rows.map((x) => x.t).filter((t) => !t.startsWith(EXACT));
  },

  async clearTokens() {
    // Likewise: clearing search_doc clears them.
  },

  async beginRebuild(db) {
    // Memory to build the indexes in (the GIN index of 100,000 articles sorts in a few passes with
    // 64 MB), and no wait for the commit's flush: a rebuild lost to a crash leaves the old index.
    await sql`set local maintenance_work_mem = '256MB'`.execute(db);
    await sql`set local synchronous_commit = off`.execute(db);
    const schema = await schemaOf(db, 'search_doc');
    const tables = {} as Record<RebuiltTable, string>;
    for (const t of REBUILT_TABLES) {
      // Writers (an article saved meanwhile) wait for the rebuild; readers keep reading the old rows.
      await sql`lock table ${sql.table(`${schema}.${t}`)} in exclusive mode`.execute(db);
      // Made in this transaction: no one else sees it, and a failed rebuild takes it away.
      await sql.raw(`create table ${ident(schema)}.${t}${NEXT} (like ${ident(schema)}.${t} including all excluding indexes)`).execute(db);
      tables[t] = `${t}${NEXT}`;
    }
    rebuildSchemas.set(tables, schema);
    return tables;
  },

  async writeRebuild(db, tables, batch) {
    await writeBatch(db, tables, batch, rebuildSchemas.get(tables)!);
  },

  async endRebuild(db, tables) {
    await swapIn(db, tables, rebuildSchemas.get(tables)!);
  },

  async optimize(db) {
    // Fresh statistics (row counts, the vectors' commonest lexemes) for the planner's other choices:
    // how to meet a tag filter, whether a bitmap fits in memory.
    await sql`analyze search_doc`.execute(db);
    await sql`analyze search_tag`.execute(db);
  },

  matchIds(plan, tags, range = {}) {
    const limit = range.limit === undefined ? sql`` : sql` limit ${range.limit}`;
    const order = range.oldestFirst ? sql`asc` : sql`desc`;
    return sql<{ rid: number }>`select d.rid from search_doc d where ${matching(plan, tags, range)} order by ${ridOf(plan)} ${order}${limit}`;
  },

  asTyped(group, from) {
    const query = group
      .map((c) => (c.kind === 'phrase' ? `(${c.terms.map((t) => q(EXACT + t.exact)).join(' <-> ')})` : q(EXACT + c.term.exact)))
      .join(' | ');
    return sql<{ rid: number }>`select d.rid from search_doc d where ${RID} >= ${from} and d.vall @@ ${query}::tsquery`;
  },

  adjacent(pair, from) {
    // The pair's lexeme in vall (see pairEntries): a pair in the author and taxonomy names counts too.
    return sql<{ rid: number }>`select d.rid from search_doc d where ${RID} >= ${from} and d.vall @@ ${q(pairKey(pair[0], pair[1]))}::tsquery`;
  },

  rows: throughGin,
  session: ginSession,

  scored(plan, tags, from, limit, among) {
    // Rows known to match are fetched by key: matching them again would detoast a phrase's candidates twice.
    const cond = among ? sql`d.rid = any(${among.map(String)}::bigint[])` : matching(plan, tags, { from });
    const newest = limit === undefined ? sql`` : sql` order by ${ridOf(plan)} desc limit ${limit}`;
    if (plan.groups.length === 0) return sql<{ rid: number; score: number }>`select d.rid, 0::float8 as score from search_doc d where ${cond}${newest}`;
    const rank = sql.join(
      plan.groups.map((g) => {
        const stems = groupQuery(g, 'rank');
        return sql`ts_rank(${sql.raw(RANK_WEIGHTS)}::float4[], d.v, ${stems}::tsquery, 1)
          + ${META_FACTOR} * ts_rank(d.m, ${stems}::tsquery, 1)`;
      }),
      sql` + `,
    );
    return sql<{ rid: number; score: number }>`select d.rid, (${rank})::float8 as score from search_doc d where ${cond}${newest}`;
  },
};
