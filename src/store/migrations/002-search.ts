/**
 * @module The search index's tables (owned by `src/search`). Both engines keep `search_doc` (one row an
 * indexed article: what hits and facets need), `search_text` (what snippets are cut from) and `search_link` (translation paths, for
 * grouping an article with its translations), `search_tag` (facet values, for filters), `search_label` (their names) and
 * `search_vocab` (stems, for typo tolerance). The full-text part differs: SQLite keeps an FTS5 table
 * over pre-analyzed tokens (stem and exact columns per field); PostgreSQL keeps tsvectors with a GIN index.
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
    // Facet values, one `facet<TAB>value` a line: counting facets reads them with the matched rows.
    .addColumn('tags', 'text', (c) => c.notNull())
    .execute();
  // The text snippets are cut from, apart: search_doc rows stay narrow, so matching many reads few pages.
  await db.schema
    .createTable('search_text')
    .addColumn('rid', 'bigint', (c) => c.primaryKey())
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
  // A facet value's name per language, one row each however many articles carry it.
  await db.schema
    .createTable('search_label')
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_label_pk', ['facet', 'value', 'lang'])
    .execute();
  // Every stem the index has held: typo tolerance asks it which one-edit neighbours of a word exist.
  await db.schema
    .createTable('search_vocab')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .modifyEnd(pg ? sql`` : sql`without rowid`)
    .execute();

  if (pg) {
    // v: title A, summary B, headings C, body D; m: authors and taxonomy names; all: both, for matching.
    await sql`alter table search_doc add column v tsvector not null default ''::tsvector`.execute(db);
    await sql`alter table search_doc add column m tsvector not null default ''::tsvector`.execute(db);
    await sql`alter table search_doc add column vall tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_doc_vall on search_doc using gin (vall)`.execute(db);
  } else {
    // Columns: stems per field, then exact (unstemmed) forms per field. Contentless: the tokens are
    // derived data, and search_doc keeps what must be shown.
    await sql`create virtual table search_fts using fts5(
      title, summary, headings, body, meta, title_x, summary_x, headings_x, body_x, meta_x,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', detail = full)`.execute(db);
  }
}
