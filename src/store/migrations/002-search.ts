/**
 * @module The search index's tables (owned by `src/search`). Both engines keep `search_doc` (one row an
 * indexed article: what hits, facets and snippets need) and `search_link` (translation paths, for
 * grouping an article with its translations) and `search_tag` (facet values, for filters). The full-text part differs: SQLite keeps an FTS5 table
 * over pre-analyzed tokens (stem and exact columns per field) and a vocabulary view of it; PostgreSQL
 * keeps tsvectors with a GIN index and a vocabulary table for typo tolerance.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../dialects/index.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = engineOf(db) === 'postgres';
  await db.schema
    .createTable('search_doc')
    .addColumn('rid', pg ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('year', 'integer')
    .addColumn('fresh', pg ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('grp', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_doc_path').on('search_doc').column('path').execute();
  await db.schema.createIndex('search_doc_grp').on('search_doc').column('grp').execute();
  await db.schema
    .createTable('search_link')
    .addColumn('rid', 'bigint', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_link_rid').on('search_link').column('rid').execute();
  await db.schema.createIndex('search_link_path').on('search_link').column('path').execute();
  await db.schema
    .createTable('search_tag')
    .addColumn('rid', 'bigint', (c) => c.notNull())
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_tag_value').on('search_tag').columns(['facet', 'value']).execute();
  await db.schema.createIndex('search_tag_rid').on('search_tag').column('rid').execute();

  if (pg) {
    // v: title A, summary B, headings C, body D; m: authors and taxonomy names; all: both, for matching.
    await sql`alter table search_doc add column v tsvector not null default ''::tsvector`.execute(db);
    await sql`alter table search_doc add column m tsvector not null default ''::tsvector`.execute(db);
    await sql`alter table search_doc add column vall tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_doc_vall on search_doc using gin (vall)`.execute(db);
    await sql`create table search_vocab (term text primary key)`.execute(db);
  } else {
    // Columns: stems per field, then exact (unstemmed) forms per field. Contentless: the tokens are
    // derived data, and search_doc keeps what must be shown.
    await sql`create virtual table search_fts using fts5(
      title, summary, headings, body, meta, title_x, summary_x, headings_x, body_x, meta_x,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', detail = full)`.execute(db);
    await sql`create virtual table search_vocab using fts5vocab(search_fts, 'row')`.execute(db);
  }
}
