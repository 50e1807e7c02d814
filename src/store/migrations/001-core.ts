/** @module The core schema: articles, experts, taxonomy terms, translations and paths. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('series_name', 'text')
    .addColumn('series_number', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('updated', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('authors_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('articles_lang_published').on('articles').columns(['lang', 'published']).execute();
  await db.schema.createIndex('articles_type').on('articles').columns(['type', 'published']).execute();

  await db.schema.createTable('experts').addColumn('id', 'text', (c) => c.primaryKey()).execute();
  await db.schema
    .createTable('expert_names')
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('bio', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('expert_names_pk', ['lang', 'slug'])
    .execute();
  await db.schema.createIndex('expert_names_expert').on('expert_names').columns(['expert_id', 'lang']).execute();

  await db.schema
    .createTable('terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('term_names')
    .addColumn('term_id', 'text', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('term_names_pk', ['lang', 'slug'])
    .execute();
  await db.schema.createIndex('term_names_term').on('term_names').columns(['term_id', 'lang']).execute();

  await db.schema
    .createTable('article_authors')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'position'])
    .execute();
  await db.schema.createIndex('article_authors_expert').on('article_authors').column('expert_id').execute();

  await db.schema
    .createTable('article_terms')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('term_id', 'text', (c) => c.notNull().references('terms.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_terms_pk', ['article_id', 'term_id'])
    .execute();
  await db.schema.createIndex('article_terms_term').on('article_terms').column('term_id').execute();

  await db.schema
    .createTable('article_translations')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_translations_pk', ['article_id', 'lang'])
    .execute();
  await db.schema.createIndex('article_translations_path').on('article_translations').column('path').execute();

  await db.schema
    .createTable('paths')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('redirect_to', 'text')
    .execute();
  await db.schema.createIndex('paths_ref').on('paths').columns(['kind', 'ref_id']).execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Mizan migrations only go forward');
}
