/**
 * @module How a stem is written in the articles that hold it: what a typo correction shows the reader.
 * The index keeps comparison keys (الجزاير, الرياضه), which are no spelling a reader would recognise; the
 * correction must be a word as the articles write it (الجزائر, الرياضة), so it is read back from their text.
 */
import type { Store } from '../store/index.ts';
import { analyze, normalize } from '../text/index.ts';
import { dialectOf } from './dialects/index.ts';
import type { QueryPlan } from './plan-query.ts';
import { indexToken } from './index-token.ts';
import { searchDb } from './tables.ts';

/** Articles read for the spellings of one stem: the newest that hold it. */
const ARTICLES = 5;

/** Marks that are no part of a word's spelling: harakat, superscript alef, tatweel, invisible characters. */
const UNWRITTEN = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u00ad\u061c\u200b-\u200f\u2060-\u2064\ufeff]/gu;

/** Edits from `a` to `b` (Levenshtein), over UTF-16 units: both are folded Arabic or Latin words. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The spelling, as the indexed articles write it, of a word whose stem is `stem`: of the words of the
 * newest articles holding the stem, the one whose comparison key is `key` (the correction with the
 * clitics the reader typed), else the one closest to it; the most frequent spelling among equals, without
 * harakat. Undefined when no article holds the stem.
 *
 * @example await writtenForm(store, 'رييس', 'الرييس') // → 'الرئيس' (not the key 'الرييس')
 */
export async function writtenForm(store: Store, stem: string, key: string): Promise<string | undefined> {
  const dialect = dialectOf(store);
  const plan: QueryPlan = { groups: [[{ kind: 'term', term: { stem, exact: stem, stop: false }, fuzzy: [] }]], exclude: [], truncated: false };
  const rids = (await dialect.rows(store, dialect.matchIds(plan, [], { limit: ARTICLES }))).map((r) => Number(r.rid));
  if (rids.length === 0) return undefined;
  const db = searchDb(store);
  const [docs, texts] = await Promise.all([
    db.selectFrom('search_doc').select(['title']).where('rid', 'in', rids).execute(),
    db.selectFrom('search_text').select(['text']).where('rid', 'in', rids).execute(),
  ]);
  // Only lines that may hold the word are analyzed: those holding its stem's first letters.
  const probe = stem.slice(0, 3);
  const seen = new Map<string, { count: number; cost: number }>();
  for (const text of [...docs.map((d) => d.title), ...texts.map((t) => t.text)]) {
    for (const line of text.split('\n')) {
      if (!normalize(line).includes(probe)) continue;
      for (const t of analyze(line)) {
        if (indexToken(t.term) !== stem) continue;
        const written = line.slice(t.start, t.end).replace(UNWRITTEN, '');
        const found = seen.get(written);
        if (found) found.count++;
        else seen.set(written, { count: 1, cost: distance(indexToken(t.exact), key) });
      }
    }
  }
  let best: string | undefined;
  for (const [w, s] of seen) {
    const b = best === undefined ? undefined : seen.get(best)!;
    if (!b || s.cost < b.cost || (s.cost === b.cost && (s.count > b.count || (s.count === b.count && w < best!)))) best = w;
  }
  return best;
}
