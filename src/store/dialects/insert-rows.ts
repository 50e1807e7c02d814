/**
 * @module Many rows of one table in few statements, the same call on both engines: on PostgreSQL one
 * `insert … select * from unnest(…)` with each column one array in binary (binary-array.ts), on SQLite
 * multi-row INSERTs under its limit of bound values. For bulk writes (a rebuild, re-tagging every
 * article), where a multi-row INSERT cost PostgreSQL a parse and plan of thousands of placeholders and
 * Node the compiling and binding of them.
 */
import { sql, type Kysely } from 'kysely';
import { chunksOf } from '../chunks.ts';
import { binaryArray, type ElementType } from './binary-array.ts';
import { engineOf } from './index.ts';

export type { ElementType } from './binary-array.ts';

type Value = number | string | Uint8Array | null;

/** Rows a PostgreSQL statement carries at most: its message stays a few megabytes for short rows. */
const PG_ROWS = 5_000;

/**
 * Inserts `rows` into `table` (schema-qualified if need be), the columns named with their PostgreSQL
 * element types; nothing when `rows` is empty.
 *
 * @example await insertRows(db, 'knowledge_entity', [['article_id', 'text'], ['salience', 'float8']], rows)
 */
export async function insertRows<R extends Record<string, unknown>>(
  db: Kysely<any>,
  table: string,
  columns: readonly (readonly [name: keyof R & string, type: ElementType])[],
  rows: readonly R[],
): Promise<void> {
  if (rows.length === 0) return;
  if (engineOf(db) === 'sqlite') {
    for (const part of chunksOf(rows, columns.length)) await db.insertInto(table).values(part.map((r) => Object.fromEntries(columns.map(([c]) => [c, r[c]])))).execute();
    return;
  }
  for (let i = 0; i < rows.length; i += PG_ROWS) {
    const part = rows.slice(i, i + PG_ROWS);
    const names = sql.join(columns.map(([name]) => sql.ref(name)));
    const arrays = sql.join(columns.map(([name, type]) => sql`${binaryArray(type, part.map((r) => (r[name] ?? null) as Value))}::${sql.raw(type)}[]`));
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`.execute(db);
  }
}
