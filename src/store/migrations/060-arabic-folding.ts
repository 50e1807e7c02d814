/**
 * @module The analyzer now folds every seated hamza to ء (مسئول and مسؤول meet), folds ڤ ڨ and other
 * letters of Arabic script's other languages, keeps words whole across invisible characters and strips
 * more clitics (see docs/text-analysis.md): an index built before holds other stems. This marks it
 * stale on both engines, so `mizan serve` rebuilds it at start (`mizan reindex` does it by hand).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '060') on conflict (key) do update set value = '060'`.execute(db);
  }
}
