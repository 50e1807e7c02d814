/**
 * @module The analyzer now folds a hamza to its seat (ئ → ي, ؤ → و; before و every seat → و), so a word
 * typed without hamza (الجزايري, مسوول) meets the written one (docs/text-analysis.md); until now every
 * seat folded to ء. An index built before holds other stems and exact forms: this marks it stale on both
 * engines, so `mizan serve` rebuilds it at start (`mizan reindex` does it by hand).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '136') on conflict (key) do update set value = '136'`.execute(db);
  }
}
