/**
 * @module What differs between engines, and nothing else: writing a document's tokens, asking which
 * terms the index knows, and matching a query plan with a relevance score. Grouping, facets, paging
 * and snippets are shared code above this interface, so both engines answer with the same semantics.
 */
import type { RawBuilder } from 'kysely';
import type { QueryPlan } from '../plan-query.ts';
import type { SearchDoc } from '../search-doc.ts';
import type { SearchDb } from '../tables.ts';

/** One matched article: what grouping, sorting and facet counting need. */
export interface MatchRow {
  rid: number;
  grp: string;
  lang: string;
  type: string;
  year: number | null;
  published: string | null;
  fresh: number;
  tags: string;
  /** Engine relevance, higher is better; 0 when the query has no words. */
  score: number;
}

export interface SearchDialect {
  writeTokens(db: SearchDb, rid: number, doc: SearchDoc): Promise<void>;
  deleteTokens(db: SearchDb, rid: number): Promise<void>;
  clearTokens(db: SearchDb): Promise<void>;
  /** The subset of `terms` that occur in the index (as stems or exact forms). */
  knownTerms(db: SearchDb, terms: string[]): Promise<Set<string>>;
  /** Every article matching `plan` (all groups, none of the exclusions) and passing `filters`. */
  match(db: SearchDb, plan: QueryPlan, filters: RawBuilder<unknown>[]): Promise<MatchRow[]>;
}
