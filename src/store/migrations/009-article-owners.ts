/**
 * @module Who may change an article besides editors: `article_owners` names the accounts an article
 * belongs to (its creator, and accounts named on it). Authors edit and submit only those (see
 * src/app/editorial/ownership.ts). Articles created before this get their creator back from the audit
 * log; imported ones have none, so only editors and admins change them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_owners')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_owners_pk', ['article_id', 'user_id'])
    .execute();
  await db.schema.createIndex('article_owners_user').on('article_owners').column('user_id').execute();
  await sql`insert into article_owners (article_id, user_id)
    select distinct a.target, a.user_id from audit_log a
    where a.action = 'article.create'
      and exists (select 1 from articles x where x.id = a.target)
      and a.user_id is not null`.execute(db);
}
