/**
 * @module Facets count terms, not their names: a topic, region or expert is one facet value however
 * many languages name it (the index's tag is the term's or expert's id), and `search_label` now keeps
 * each language's slug beside its name, which facet links use. An index built before holds one value
 * per language's slug, so this marks it stale on both engines and `mizan serve` rebuilds it at start.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_label').addColumn('slug', 'text').execute();
  const indexed = await sql<{ n: number }>`select count(*) as n from search_doc`.execute(db);
  if (Number(indexed.rows[0]?.n ?? 0) > 0) {
    await sql`insert into meta (key, value) values ('search_stale', '073') on conflict (key) do update set value = '073'`.execute(db);
  }
}
