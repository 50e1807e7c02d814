/**
 * @module The search index's own tables as Kysely sees them (created by store migration
 * `002-search`), and the typed view of a store's Kysely instance over them.
 */
import type { Kysely } from 'kysely';
import type { Store } from '../store/index.ts';

export type SearchDocTable = {
  rid: number;
  id: string;
  lang: string;
  type: string;
  title: string;
  path: string;
  published: string | null;
  year: number | null;
  fresh: number;
  grp: string;
  /** `facet<TAB>value` lines. */
  tags: string;
  /** The analyzed title and summary as token hashes (see head.ts). */
  head: Uint8Array;
};

export type SearchTextTable = {
  rid: number;
  text: string;
};

export type SearchLinkTable = {
  rid: number;
  path: string;
};

export type SearchTagTable = {
  rid: number;
  facet: string;
  value: string;
};

/** A facet value's name in one language. */
export type SearchLabelTable = {
  facet: string;
  value: string;
  lang: string;
  label: string;
  /** The value's slug in that language (topics, regions, experts), for filter links; null for countries. */
  slug: string | null;
};

export type SearchVocabTable = {
  term: string;
  /** Articles that have held the stem (see vocabulary.ts). */
  df: number;
};

/** An article's analyzed title, summary, headings and paragraphs, one unit a line (cross-language/align-units.ts). */
export type SearchAlignTable = {
  rid: number;
  units: string;
};

export type SearchTables = {
  /** The store's key-value table: the index keeps `search_version` there. */
  meta: { key: string; value: string };
  search_doc: SearchDocTable;
  search_link: SearchLinkTable;
  search_tag: SearchTagTable;
  search_vocab: SearchVocabTable;
  search_text: SearchTextTable;
  search_label: SearchLabelTable;
  search_align: SearchAlignTable;
};

export type SearchDb = Kysely<SearchTables>;

/** The store's Kysely instance, typed over the search tables (inside a transaction when `store` is one). */
export function searchDb(store: Store): SearchDb {
  return store.db.withTables<SearchTables>() as unknown as SearchDb;
};
