/**
 * @module The analyzed title and summary of each indexed article as token hashes (see
 * src/search/head.ts), kept on its `search_doc` row: a broad query ranks its newest matches by where
 * the words stand (title, summary) without asking the full-text index once per word and field; and
 * each stem's document count in `search_vocab`. Rows indexed before this migration have it empty until
 * `mizan reindex`; they rank as if the words stood elsewhere.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from '../dialects/index.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = engineOf(db) === 'postgres';
  await sql`alter table search_doc add column head ${sql.raw(pg ? `bytea not null default ''::bytea` : `blob not null default x''`)}`.execute(db);
  // How many indexed articles have held each stem (an upper bound: deletions leave it, reindex resets
  // it): search tells a narrow query from a broad one, and weighs words by rarity, without a scan.
  await sql`alter table search_vocab add column df integer not null default 0`.execute(db);
  // An index built before this has no heads, counts or date order: it still answers, slowly, until a
  // reindex (which `mizan serve` runs by itself when it sees this mark).
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '007') on conflict (key) do update set value = '007'`.execute(db);
  }
}
