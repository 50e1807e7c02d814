/**
 * @module Cross-language search learns term pairs from the institute's own translations: each indexed
 * article keeps the analyzed stems of its title, summary, headings and paragraphs, one unit a line
 * (`search_align`, owned by `src/search/cross-language`). An index built before has none, so this marks
 * it stale on both engines and `mizan serve` rebuilds it at start (`mizan reindex` does it by hand).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_align')
    .addColumn('rid', 'bigint', (c) => c.primaryKey())
    .addColumn('units', 'text', (c) => c.notNull())
    .execute();
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '062') on conflict (key) do update set value = '062'`.execute(db);
  }
}
