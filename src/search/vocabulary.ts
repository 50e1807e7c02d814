/**
 * @module The index's vocabulary of stems with how many articles have held each (`df`): typo tolerance
 * asks which one-edit neighbours of an unknown word exist, and search how broad a word is. Kept by
 * indexing: an article removed or replaced takes its stems' counts down (a stem no article holds any
 * more leaves the vocabulary), so the counts after a run of imports are those a reindex would write.
 */
import { FIELDS, type SearchDoc } from './search-doc.ts';
import { sql } from 'kysely';
import type { SearchDb } from './tables.ts';

const BATCH = 500;

/** The distinct stems of `doc`, each counted once, added to `counts`. */
export function countStems(doc: SearchDoc, counts: Map<string, number>): void {
  const terms = new Set<string>();
  for (const f of FIELDS) for (const s of doc.fields[f].stems) terms.add(s);
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
}

/** Counts `stems` (one removed article's, distinct) out of `counts`. */
export function uncountStems(stems: Iterable<string>, counts: Map<string, number>): void {
  for (const t of stems) counts.set(t, (counts.get(t) ?? 0) - 1);
}

/**
 * Adds `counts` (stem → articles newly holding it, negative for articles removed) to the vocabulary: one upsert per stem of a whole
 * batch, not per article — on PostgreSQL each upsert leaves a dead row behind, and per article that
 * was half of a bulk load's time.
 */
export async function addToVocabulary(db: SearchDb, counts: Map<string, number>): Promise<void> {
  const list = [...counts].filter(([, df]) => df !== 0);
  for (let i = 0; i < list.length; i += BATCH) {
    await db
      .insertInto('search_vocab')
      .values(list.slice(i, i + BATCH).map(([term, df]) => ({ term, df })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql<number>`search_vocab.df + excluded.df` }))
      .execute();
  }
  const gone = list.filter(([, df]) => df < 0).map(([term]) => term);
  for (let i = 0; i < gone.length; i += BATCH) {
    await db.deleteFrom('search_vocab').where('df', '<=', 0).where('term', 'in', gone.slice(i, i + BATCH)).execute();
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

/** How many articles have held each of `terms` (0 for a stem never indexed): `await documentCounts(db, ['علاق'])` → Map { 'علاق' → 412 }. */
export async function documentCounts(db: SearchDb, terms: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(terms.map((t) => [t, 0]));
  for (let i = 0; i < terms.length; i += BATCH) {
    const rows = await db.selectFrom('search_vocab').select(['term', 'df']).where('term', 'in', terms.slice(i, i + BATCH)).execute();
    for (const r of rows) out.set(r.term, Number(r.df));
  }
  return out;
}

export async function clearVocabulary(db: SearchDb): Promise<void> {
  await db.deleteFrom('search_vocab').execute();
}
