/**
 * @module What differs between engines, and nothing else: writing a document's tokens, and the few
 * questions search asks the full-text index — which rows match (newest or oldest first, within a range
 * of row ids), and how well. Everything else (filters, grouping, facets, sampling,
 * paging, snippets) is shared code above this interface, so both engines answer alike.
 */
import type { RawBuilder } from 'kysely';
import type { PlanClause, QueryPlan } from '../plan-query.ts';
import type { SearchDoc } from '../search-doc.ts';
import type { Store } from '../../store/index.ts';
import type { SearchDb } from '../tables.ts';

/** A facet filter the engine applies while matching (the selective ones: topic, region, country, expert). */
export type TagFilter = readonly [facet: string, value: string];

/** A range of row ids, and how many of the highest to take. */
export interface RidRange {
  /** Only rows at or above this rid. */
  from?: number;
  /** Only rows below this rid. */
  below?: number;
  /** At most this many, highest rid first (lowest first with `oldestFirst`). */
  limit?: number;
  oldestFirst?: boolean;
}

/** The tables a rebuild fills, one row per article or more; the vocabulary and labels are small and filled in place. */
export const REBUILT_TABLES = ['search_doc', 'search_text', 'search_align', 'search_link', 'search_tag'] as const;
export type RebuiltTable = (typeof REBUILT_TABLES)[number];

/** Where a rebuild writes: each rebuilt table's name for this rebuild. */
export type RebuildTables = Readonly<Record<RebuiltTable, string>>;

/** One batch of a rebuild, the rows of every rebuilt table. */
export interface RebuildBatch {
  docs: readonly { doc: SearchDoc; rid: number; grp: string }[];
  texts: readonly { rid: number; text: string }[];
  aligns: readonly { rid: number; units: string }[];
  links: readonly { rid: number; path: string }[];
  tags: readonly { rid: number; facet: string; value: string }[];
}

export interface SearchDialect {
  /**
   * What scoring a row costs the engine, roughly: SQLite's bm25 about a microsecond, PostgreSQL's
   * ts_rank tens (it detoasts the vectors). Where it is dear, search never scores to find out whether
   * a query is narrow, and asks about words as typed or side by side only for rarer words.
   */
  readonly scoring: 'cheap' | 'dear';
  /** Values for columns of the new `search_doc` row that hold its tokens, where the engine keeps them there (PostgreSQL's vectors). */
  rowTokens(doc: SearchDoc): Record<string, RawBuilder<unknown>>;
  /** Writes the tokens of the row just inserted, where the engine keeps them elsewhere (SQLite's FTS5 table). */
  writeTokens(db: SearchDb, rid: number, doc: SearchDoc): Promise<void>;
  deleteTokens(db: SearchDb, rid: number): Promise<void>;
  /** The distinct stems row `rid` holds (before it is removed: its vocabulary counts come down). */
  rowStems(db: SearchDb, rid: number): Promise<string[]>;
  clearTokens(db: SearchDb): Promise<void>;
  /**
   * Starts a rebuild inside `db`'s transaction: the tables it fills, empty. Readers keep the old index
   * until the transaction commits; a failed rebuild leaves it as it was.
   */
  beginRebuild(db: SearchDb): Promise<RebuildTables>;
  /** Writes one batch of a rebuild, tokens included. */
  writeRebuild(db: SearchDb, tables: RebuildTables, batch: RebuildBatch): Promise<void>;
  /** Ends a rebuild's load: what the tables need before readers see them (indexes, statistics; see `optimize`), and puts them in place. */
  endRebuild(db: SearchDb, tables: RebuildTables): Promise<void>;
  /** After a bulk load: merge the full-text index and refresh the planner's statistics. */
  optimize(db: SearchDb): Promise<void>;
  /** A SELECT of `rid` for the articles matching every group of `plan` and none of its exclusions. */
  matchIds(plan: QueryPlan, tags: readonly TagFilter[], range?: RidRange): RawBuilder<{ rid: number }>;
  /** A SELECT of `rid`, at or above `from`, of rows holding one of `group`'s clauses as typed (exact forms), anywhere. */
  asTyped(group: PlanClause[], from: number): RawBuilder<{ rid: number }>;
  /** A SELECT of `rid`, at or above `from`, of rows holding the stems of `pair` side by side anywhere. */
  adjacent(pair: readonly [string, string], from: number): RawBuilder<{ rid: number }>;
  /**
   * A SELECT of `rid, score` (engine relevance, higher is better) for every match at or above `from`;
   * only the newest `limit` when given; only the rows `among` (known to match) when given.
   */
  scored(plan: QueryPlan, tags: readonly TagFilter[], from?: number, limit?: number, among?: readonly number[]): RawBuilder<{ rid: number; score: number }>;
  /** Runs one of the SELECTs above: the place for what the engine must be told to run them well. */
  rows<R>(store: Store, query: RawBuilder<R>): Promise<R[]>;
  /** Runs `fn`, one search's questions to the engine, telling the engine once what `rows` would tell it each time. */
  session<T>(store: Store, fn: (store: Store) => Promise<T>): Promise<T>;
}
