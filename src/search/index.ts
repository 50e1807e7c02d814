/**
 * @module search: Arabic-aware full-text search over the store, on SQLite FTS5 or PostgreSQL.
 * Index with `indexArticle` (inside the save transaction), query with `search(store, parseSearchQuery(params))`.
 */
export { indexArticle, indexArticles, unindexArticle, reindexAll, optimizeIndex, searchIndexStale } from './index-article.ts';
export { search, type SearchOptions } from './search.ts';
export { WINDOW } from './match-set.ts';
export type { Expand } from './plan-query.ts';
export { parseSearchQuery, MAX_QUERY_CHARS, DEFAULT_PAGE_SIZE } from './parse-search-query.ts';
export { parseQuerySyntax } from './query-syntax.ts';
export { makeSnippet, escapeHtml } from './snippet.ts';
export type * from './types.ts';
export { FACET_NAMES } from './types.ts';
