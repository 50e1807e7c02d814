/**
 * @module What differs between engines, and nothing else: writing a document's tokens and matching a
 * query plan with a relevance score. Grouping, facets, paging
 * and snippets are shared code above this interface, so both engines answer with the same semantics.
 */
import type { RawBuilder } from 'kysely';
import type { QueryPlan } from '../plan-query.ts';
import type { SearchDoc } from '../search-doc.ts';
import type { SearchDb } from '../tables.ts';

/** One matched article, as a dialect's `matches` selects it. */
export interface MatchRow {
  rid: number;
  grp: string;
  lang: string;
  type: string;
  year: number | null;
  published: string | null;
  fresh: number;
  /** `facet<TAB>value` lines. */
  tags: string;
  /** Engine relevance, higher is better; 0 when the query has no words or the score was not asked for. */
  score: number;
}

export interface SearchDialect {
  writeTokens(db: SearchDb, rid: number, doc: SearchDoc): Promise<void>;
  deleteTokens(db: SearchDb, rid: number): Promise<void>;
  clearTokens(db: SearchDb): Promise<void>;
  /**
   * A SELECT of every article matching `plan` (all groups, none of the exclusions) and passing
   * `filters` (conditions on `d`, the search_doc row), with the columns of `MatchRow`. Unscored, it
   * skips ranking (the any-word fallback only asks whether anything matches).
   */
  matches(plan: QueryPlan, filters: RawBuilder<unknown>[], scored: boolean): RawBuilder<unknown>;
}
