/**
 * @module The shapes search speaks: the validated query, and the response that `/api/search`,
 * `mizan search --json` and the search pages all share (CONTRACTS.md gives its JSON).
 */
import type { ArticleType } from '../model/index.ts';

export type SortOrder = 'relevance' | 'date';

/** A validated search request (see `parseSearchQuery`). */
export interface SearchQuery {
  /** The words as typed; empty lists everything that passes the filters, newest first. */
  q: string;
  lang?: string;
  type?: ArticleType;
  topic?: string;
  region?: string;
  country?: string;
  expert?: string;
  year?: number;
  /** Inclusive bounds on the publication date, YYYY-MM-DD. */
  from?: string;
  to?: string;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The interface language: notices are written in it, and a group's member in it wins a tie. */
  ui?: string;
  /** Words as typed only: no typo correction ("search instead for …"). */
  verbatim?: boolean;
  /** false: no matches in other languages through learned translations (default: included, after the others). */
  crossLanguage?: boolean;
}

export interface SearchTranslation {
  lang: string;
  id: string;
  title: string;
  path: string;
}

export interface SearchHit {
  id: string;
  lang: string;
  title: string;
  path: string;
  /** HTML: the original text, escaped, with the matched words in `<mark>`. */
  snippet: string;
  published: string | null;
  translations: SearchTranslation[];
  /** Present (true) when the hit is in another language than the query and was found only through its translations. */
  crossLanguage?: true;
  /** Present when the words were found only in an attachment (a PDF): the snippet is cut from its text. */
  attachment?: { src: string; title: string };
}

export interface FacetValue {
  value: string;
  count: number;
  /** A display name where the value is a slug or a code (topic, region, country, expert). */
  label?: string;
}

export const FACET_NAMES = ['lang', 'type', 'topic', 'region', 'country', 'expert', 'year'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type Facets = Record<FacetName, FacetValue[]>;

export interface SearchResponse {
  /** Hits, where an article and its translations count once. */
  total: number;
  hits: SearchHit[];
  facets: Facets;
  notice?: string;
  /** When a typo correction was used: the query as corrected and as typed (the page links both). */
  correction?: { query: string; original: string };
  /**
   * Present (true) when the query matched so many articles that `total` and the facet counts are
   * estimates from a sample, and only the newest matches were ranked (see docs/search.md).
   */
  approximate?: true;
  /**
   * Present (true) when the search ran out of its time and left out what could wait (typo correction,
   * broken plurals, the cross-language part, the any-word fallback, highlighted snippets); `notice` says so.
   */
  partial?: true;
}
