/**
 * @module The term pairs the index's own translations teach, learned on demand and kept per database
 * until a translated article changes: indexing or removing an article whose translation group has
 * another member bumps `search_xlang` (in `meta`, in the same transaction), and the next search that
 * needs the pairs learns them again from `search_align`. Articles without translations never cost a
 * relearning.
 */
import { sql } from 'kysely';
import type { Store } from '../../store/index.ts';
import type { SearchDb } from '../tables.ts';
import { searchDb } from '../tables.ts';
import { parseUnits } from './align-units.ts';
import { learnTermPairsInSlices, type Side, type TermPairs } from './learn-term-pairs.ts';
import { bumpMetaCounter } from '../meta-counter.ts';

const VERSION_KEY = 'search_xlang';

/** Marks the learned pairs stale: call inside the transaction that changed a translated article. */
export async function bumpTranslations(db: SearchDb): Promise<void> {
  await bumpMetaCounter(db, VERSION_KEY);
}

/** True when the translation group `grp` holds more than one indexed article. */
export async function groupShared(db: SearchDb, grp: string): Promise<boolean> {
  const rows = await db.selectFrom('search_doc').select('rid').where('grp', '=', grp).limit(2).execute();
  return rows.length > 1;
}

/** Every indexed translation pair: per group, its first article in each of two languages. */
export async function translationSides(db: SearchDb): Promise<[Side, Side][]> {
  const rows = await db
    .selectFrom('search_align as a')
    .innerJoin('search_doc as d', 'd.rid', 'a.rid')
    .select(['d.grp', 'd.lang', 'a.units'])
    .where('d.grp', 'in', (eb) => eb.selectFrom('search_doc').select('grp').groupBy('grp').having(sql<number>`count(distinct lang)`, '>', 1))
    .orderBy('d.rid')
    .execute();
  const groups = new Map<string, Map<string, Side>>();
  for (const r of rows) {
    let g = groups.get(r.grp);
    if (!g) groups.set(r.grp, (g = new Map()));
    if (!g.has(r.lang)) g.set(r.lang, { lang: r.lang, units: parseUnits(r.units) });
  }
  const pairs: [Side, Side][] = [];
  for (const g of groups.values()) {
    const sides = [...g.values()];
    for (let i = 0; i < sides.length; i++) for (let j = i + 1; j < sides.length; j++) pairs.push([sides[i], sides[j]]);
  }
  return pairs;
}

interface Learned {
  version: string;
  pairs: Promise<TermPairs>;
  /** The pairs once learned. */
  done?: TermPairs;
  /** The last version's pairs, answered meanwhile to a search that cannot wait (see `learnedPairsWithin`). */
  previous?: TermPairs;
}

const cache = new WeakMap<object, Learned>();

/**
 * The learned term pairs of `store`'s translations. Over thousands of translations learning takes
 * seconds: it runs in slices, so the server goes on serving pages meanwhile.
 * @example (await learnedPairs(store)).get('en:arm') // → [{ lang: 'ar', stem: 'اسلح', score: 0.67 }, …]
 */
export async function learnedPairs(store: Store): Promise<TermPairs> {
  return (await learning(store)).pairs;
}

/**
 * The learned pairs if they are ready within `waitMs`; else the pairs learned before the last change
 * of a translation, if any; else undefined (the search goes on without its cross-language part, and says so).
 * @example await learnedPairsWithin(store, 20) // → the pairs, or undefined on a first start still learning
 */
export async function learnedPairsWithin(store: Store, waitMs: number): Promise<TermPairs | undefined> {
  const learned = await learning(store);
  if (learned.done) return learned.done;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, waitMs));
  });
  try {
    return (await Promise.race([learned.pairs, late])) ?? learned.previous;
  } finally {
    clearTimeout(timer);
  }
}

async function learning(store: Store): Promise<Learned> {
  const db = searchDb(store);
  const row = await db.selectFrom('meta').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  const version = row?.value ?? '0';
  const learn = async () => learnTermPairsInSlices(await translationSides(db));
  // Inside a transaction the pairs are learned fresh and not kept: it may yet roll back.
  if (store.db.isTransaction) return { version, pairs: learn() };
  const had = cache.get(store.db);
  if (had && had.version === version) return had;
  const entry: Learned = { version, pairs: learn(), previous: had?.done ?? had?.previous };
  cache.set(store.db, entry);
  entry.pairs.then(
    (pairs) => {
      entry.done = pairs;
      entry.previous = undefined;
    },
    () => {
      if (cache.get(store.db) === entry) cache.delete(store.db);
    },
  );
  return entry;
}
