/**
 * @module An event's place (issue 18): the country where it happened when a locative phrase names one
 * ("على طول الحدود المغربية" → MA), kept apart from its actors. Older events have none until their article
 * is tagged again (saving it, or `mizan reindex`).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table knowledge_event add column place text`.execute(db);
}
