/**
 * @module SQLite's full-text table now keeps its tokens in `search_tok` (an external-content FTS5
 * table) instead of being contentless with `contentless_delete`. FTS5 never takes a row removed from a
 * contentless-delete table out of its statistics (row count, column lengths), so every update of an
 * article and every `mizan reindex` inflated the row count bm25's idf is computed from: the same
 * articles ranked one way right after an import and another after a reindex. With the tokens at hand,
 * a removed row is taken out of the statistics exactly. The old table cannot give its tokens back, so
 * this marks a non-empty index stale and `mizan serve` rebuilds it at start (`mizan reindex` by hand).
 * PostgreSQL keeps no term statistics and is unchanged.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../dialects/index.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'sqlite') return;
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await sql`create table search_tok (
    rid integer primary key,
    title text not null, summary text not null, headings text not null, body text not null, meta text not null,
    title_x text not null, summary_x text not null, headings_x text not null, body_x text not null, meta_x text not null)`.execute(db);
  await sql`create virtual table search_fts using fts5(
    title, summary, headings, body, meta, title_x, summary_x, headings_x, body_x, meta_x,
    content = 'search_tok', content_rowid = 'rid', tokenize = 'unicode61 remove_diacritics 0', detail = full)`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '072') on conflict (key) do update set value = '072'`.execute(db);
  }
}
