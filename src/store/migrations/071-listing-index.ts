/**
 * @module An index that answers the listings' questions on its own (issue 19): which published articles of
 * a language, of which type, in which date order. A listing counts its articles and picks one page of ids
 * from it without reading a row; only that page's documents are read. Without it every listing page read
 * and sorted every document of its language: most of a static build's time.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_listing').on('articles').columns(['lang', 'status', 'type', 'published', 'id']).execute();
}
