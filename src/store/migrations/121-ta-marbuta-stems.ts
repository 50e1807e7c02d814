/**
 * @module The Arabic stemmer now keeps ta marbuta on three-letter stems (عملة is عمله, not عمل: currency
 * is not work), strips ب ل ك before a noun in ة (بحكومة → حكوم) and knows more radical ف/و words
 * (docs/text-analysis.md): an index built before holds other stems. This marks it stale on both engines,
 * so `mizan serve` rebuilds it at start (`mizan reindex` does it by hand).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '121') on conflict (key) do update set value = '121'`.execute(db);
  }
}
