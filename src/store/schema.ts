/**
 * @module The database schema as Kysely sees it. Core tables only; modules that keep their own tables
 * (search, knowledge, accounts) declare them beside their migrations and reach them through `store.db`
 * with their own typed view (`store.db.withTables<…>()`).
 */
import type { Generated } from 'kysely';

export interface ArticlesTable {
  id: string;
  lang: string;
  path: string;
  type: string;
  series_name: string | null;
  series_number: number | null;
  title: string;
  summary: string;
  published: string | null;
  updated: string | null;
  /** 'published' for everything the public site shows; the editors' side adds its workflow states. */
  status: string;
  /** The Article JSON as stored (translations' `exists` is computed on read). */
  doc: string;
  /** Author names and paths for listings, so a listing never parses a body. */
  authors_json: string;
  created_at: string;
  modified_at: string;
  /** Incremented on every update: the optimistic-locking token for editors. */
  version: number;
}

export interface ArticleAuthorsTable {
  article_id: string;
  position: number;
  expert_id: string;
}

export interface ArticleTermsTable {
  article_id: string;
  term_id: string;
  position: number;
}

export interface ArticleTranslationsTable {
  article_id: string;
  lang: string;
  path: string;
}

export interface ExpertsTable {
  id: string;
}

export interface ExpertNamesTable {
  expert_id: string;
  lang: string;
  slug: string;
  name: string;
  title: string | null;
  bio: string;
}

export interface TermsTable {
  id: string;
  kind: string;
}

export interface TermNamesTable {
  term_id: string;
  lang: string;
  slug: string;
  name: string;
}

/** Every path the site answers for content, current and former: a former one has `redirect_to`. */
export interface PathsTable {
  path: string;
  kind: string;
  ref_id: string;
  lang: string;
  redirect_to: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ContentChangesTable {
  id: Generated<number>;
  at: string;
  /** JSON array of cache tags (see migrations/070-content-changes.ts). */
  tags: string;
}

export interface Database {
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_terms: ArticleTermsTable;
  article_translations: ArticleTranslationsTable;
  experts: ExpertsTable;
  expert_names: ExpertNamesTable;
  terms: TermsTable;
  term_names: TermNamesTable;
  paths: PathsTable;
  meta: MetaTable;
  content_changes: ContentChangesTable;
}

export type { Generated };
