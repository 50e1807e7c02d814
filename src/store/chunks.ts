/**
 * @module Long lists cut to fit in one SQL statement. SQLite refuses a statement with more than 32,766
 * bound values ("too many SQL variables"), PostgreSQL more than 65,535; an IN-list or a multi-row
 * insert built from input (an article's figures, a country's articles) can pass either. Mizan keeps
 * every statement under `SQL_VALUES`, which leaves room for the statement's other values.
 */

/** Bound values one statement may carry from a list. */
export const SQL_VALUES = 10_000;

/**
 * `items` in slices of at most `SQL_VALUES / valuesPerItem` items.
 *
 * @example chunksOf(ids).map((part) => db.selectFrom('articles').where('id', 'in', part)) // one query a slice
 * @example chunksOf(rows, 4) // rows of four columns: 2,500 a slice
 */
export function chunksOf<T>(items: readonly T[], valuesPerItem = 1): T[][] {
  const size = Math.max(1, Math.floor(SQL_VALUES / valuesPerItem));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
