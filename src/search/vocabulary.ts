/**
 * @module The index's vocabulary of stems, for typo tolerance: which one-edit neighbours of an unknown
 * word exist. Kept by indexing (a stem is added the first time an article holds it; deletions leave
 * stems behind, which at worst propose a correction that then matches nothing) and emptied by reindex.
 */
import { FIELDS, type SearchDoc } from './search-doc.ts';
import type { SearchDb } from './tables.ts';

const BATCH = 500;

/** Adds the stems of `doc` to the vocabulary. */
export async function addToVocabulary(db: SearchDb, doc: SearchDoc): Promise<void> {
  const terms = new Set<string>();
  for (const f of FIELDS) for (const s of doc.fields[f].stems) terms.add(s);
  const list = [...terms];
  for (let i = 0; i < list.length; i += BATCH) {
    await db
      .insertInto('search_vocab')
      .values(list.slice(i, i + BATCH).map((term) => ({ term })))
      .onConflict((oc) => oc.column('term').doNothing())
      .execute();
  }
}

/** The subset of `terms` the vocabulary holds: `await knownStems(db, ['علاق', 'zzz'])` → Set {'علاق'}. */
export async function knownStems(db: SearchDb, terms: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < terms.length; i += BATCH) {
    const rows = await db.selectFrom('search_vocab').select('term').where('term', 'in', terms.slice(i, i + BATCH)).execute();
    for (const r of rows) out.add(r.term);
  }
  return out;
}

export async function clearVocabulary(db: SearchDb): Promise<void> {
  await db.deleteFrom('search_vocab').execute();
}
