/** @module Counters the index keeps in `meta` (its version, the learned pairs' version): moved on by the transaction that changed what they count. */
import { sql } from 'kysely';
import type { SearchDb } from './tables.ts';

/** Adds one to the counter `key` (from 1 when it is not there yet). */
export async function bumpMetaCounter(db: SearchDb, key: string): Promise<void> {
  const updated = await db
    .updateTable('meta')
    .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` })
    .where('key', '=', key)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db.insertInto('meta').values({ key, value: '1' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' })).execute();
  }
}
