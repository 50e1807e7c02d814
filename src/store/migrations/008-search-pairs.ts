/**
 * @module On PostgreSQL, `search_doc.vall` now also holds each field's adjacent stems as one lexeme
 * (see src/search/dialects/postgres.ts): phrases are matched through them. An index built before has
 * none, so this marks it stale and `mizan serve` rebuilds it at start (`mizan reindex` does it by
 * hand); until then a phrase finds only articles indexed since. SQLite's index is unchanged.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../dialects/index.ts';

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '008') on conflict (key) do update set value = '008'`.execute(db);
  }
}
