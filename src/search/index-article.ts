/**
 * @module Keeping the index in step with the store: `indexArticle` and `unindexArticle` run inside the
 * transaction that saves or deletes the article (the store handed in is that transaction), and
 * `reindexAll` rebuilds everything from the stored articles.
 */
import type { Article } from '../model/index.ts';
import { readAhead } from '../lib/index.ts';
import { chunksOf, type Store } from '../store/index.ts';
import { dialectOf } from './dialects/index.ts';
import { searchDoc, type SearchDoc } from './search-doc.ts';
import { termKeys } from './term-keys.ts';
import { bumpSearchVersion } from './doc-columns.ts';
import { searchDb, type SearchDb } from './tables.ts';
import { addToVocabulary, clearVocabulary, countStems, uncountStems } from './vocabulary.ts';
import { alignUnits, bumpTranslations, groupShared } from './cross-language/index.ts';
import { BulkIndex } from './bulk-index.ts';
import { DAY_SLOTS, dayBase, nextRid } from './rid-space.ts';
import { docRow } from './doc-row.ts';
import { attachmentTexts } from './attachment-text.ts';

/** Articles a rebuild fetches before it needs them: more than a batch of bulk-index.ts, so none waits on a write. */
const READ_AHEAD = 300;

/** Set by a migration that changed what the index keeps; cleared by `reindexAll`. */
const STALE_KEY = 'search_stale';

/** True when the index was built by an older Mizan and a `reindexAll` would bring it up to date. */
export async function searchIndexStale(store: Store): Promise<boolean> {
  return !!(await searchDb(store).selectFrom('meta').select('value').where('key', '=', STALE_KEY).executeTakeFirst());
}

/** A new article's row id: the next free one of its publication day (see rid-space.ts). */
async function allocateRid(db: SearchDb, published: string | null): Promise<number> {
  const base = dayBase(published);
  const row = await db
    .selectFrom('search_doc')
    .select((eb) => eb.fn.max('rid').as('top'))
    .where('rid', '>=', base)
    .where('rid', '<', base + DAY_SLOTS)
    .executeTakeFirst();
  return nextRid(published, row?.top === null || row?.top === undefined ? base : Number(row.top));
}

/**
 * The translation group of a document: the smallest path among its own, the paths it names as
 * translations, and the groups of indexed documents linked to it either way. Groups it touches merge.
 */
async function joinGroup(db: SearchDb, doc: SearchDoc): Promise<string> {
  const linked = new Set<string>();
  if (doc.translations.length) {
    for (const part of chunksOf(doc.translations)) {
      for (const r of await db.selectFrom('search_doc').select('grp').where('path', 'in', part).execute()) linked.add(r.grp);
    }
  }
  const back = await db
    .selectFrom('search_link as l')
    .innerJoin('search_doc as d', 'd.rid', 'l.rid')
    .select('d.grp')
    .where('l.path', '=', doc.path)
    .execute();
  for (const r of back) linked.add(r.grp);
  const grp = [doc.path, ...doc.translations, ...linked].sort()[0];
  const others = [...linked].filter((g) => g !== grp);
  for (const part of chunksOf(others)) await db.updateTable('search_doc').set({ grp }).where('grp', 'in', part).execute();
  return grp;
}

/** What a write did to the translations cross-language search learns from (see learned-pairs.ts). */
interface Touched {
  translations: boolean;
}

/** Removes article `id`'s rows and tokens, counting its stems out of `counts`. */
async function removeRow(store: Store, id: string, counts: Map<string, number>, touched: Touched): Promise<boolean> {
  const db = searchDb(store);
  const row = await db.selectFrom('search_doc').select(['rid', 'grp']).where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  const rid = Number(row.rid);
  uncountStems(await dialectOf(store).rowStems(db, rid), counts);
  // A translation leaving its group changes what the translations teach.
  if (!touched.translations && (await groupShared(db, row.grp))) touched.translations = true;
  await db.deleteFrom('search_align').where('rid', '=', rid).execute();
  await dialectOf(store).deleteTokens(db, rid);
  await db.deleteFrom('search_link').where('rid', '=', rid).execute();
  await db.deleteFrom('search_tag').where('rid', '=', rid).execute();
  await db.deleteFrom('search_text').where('rid', '=', rid).execute();
  await db.deleteFrom('search_doc').where('rid', '=', rid).execute();
  return true;
}

/**
 * Adds `article` to the index, or replaces what the index held for it.
 *
 * @example
 * await store.transaction(async (tx) => { await tx.putArticle(a); await indexArticle(tx, a); });
 */
export async function indexArticle(store: Store, article: Article): Promise<void> {
  await indexArticles(store, [article]);
}

/** Indexes `articles` in one transaction: what a bulk load and reindex use (the vocabulary is written once for all). */
export async function indexArticles(store: Store, articles: Iterable<Article>): Promise<number> {
  return store.transaction(async (tx) => {
    const counts = new Map<string, number>();
    const touched: Touched = { translations: false };
    let n = 0;
    for (const article of articles) {
      await writeArticle(tx, article, counts, touched);
      n++;
    }
    await addToVocabulary(searchDb(tx), counts);
    if (touched.translations) await bumpTranslations(searchDb(tx));
    await bumpSearchVersion(searchDb(tx));
    return n;
  });
}

/** Writes one article's rows and tokens (replacing what the index held for it), and counts its stems into `counts`. */
async function writeArticle(tx: Store, article: Article, counts: Map<string, number>, touched: Touched): Promise<void> {
  const plain = searchDoc(article, article.attachments.length ? await attachmentTexts(tx, article) : []);
  const doc: SearchDoc = { ...plain, tags: await termKeys(tx, plain.lang, plain.tags) };
  await removeRow(tx, article.id, counts, touched);
  const db = searchDb(tx);
  const grp = await joinGroup(db, doc);
  const rid = await allocateRid(db, doc.published);
  await db.insertInto('search_doc').values(docRow(doc, rid, grp, dialectOf(tx))).execute();
  await db.insertInto('search_text').values({ rid, text: doc.text }).execute();
  await db.insertInto('search_align').values({ rid, units: alignUnits(article) }).execute();
  if (!touched.translations && (await groupShared(db, grp))) touched.translations = true;
  for (const part of chunksOf(doc.translations, 2)) {
    await db.insertInto('search_link').values(part.map((path) => ({ rid, path }))).execute();
  }
  const tags = [...new Map(doc.tags.map((t) => [`${t.facet}\t${t.value}`, t])).values()];
  for (const part of chunksOf(tags, 4)) {
    await db.insertInto('search_tag').values(part.map((t) => ({ rid, facet: t.facet, value: t.value }))).execute();
    await db
      .insertInto('search_label')
      .values(part.map((t) => ({ facet: t.facet, value: t.value, lang: doc.lang, label: t.label, slug: t.slug ?? null })))
      .onConflict((oc) => oc.columns(['facet', 'value', 'lang']).doUpdateSet((eb) => ({ label: eb.ref('excluded.label'), slug: eb.ref('excluded.slug') })))
      .execute();
  }
  await dialectOf(tx).writeTokens(db, rid, doc);
  countStems(doc, counts);
}

/** Removes article `id` from the index; false when it was not there. `await unindexArticle(tx, id)` */
export async function unindexArticle(store: Store, id: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const counts = new Map<string, number>();
    const touched: Touched = { translations: false };
    const removed = await removeRow(tx, id, counts, touched);
    if (removed) {
      await addToVocabulary(searchDb(tx), counts);
      await bumpSearchVersion(searchDb(tx));
    }
    if (touched.translations) await bumpTranslations(searchDb(tx));
    return removed;
  });
}

/**
 * Rebuilds the whole index from the store's articles, in one transaction: readers see the old index
 * or the new one, never half of it. Resolves to the number of articles indexed. `complete` gives what
 * the index should hold of an article beyond its stored document (src/app adds the countries the
 * knowledge layer tagged it with, which search does not read itself).
 *
 * @example
 * await reindexAll(store) // → 1204
 */
export async function reindexAll(store: Store, onProgress?: (done: number) => void, complete?: (article: Article) => Article): Promise<number> {
  return store.transaction(async (tx) => {
    const db = searchDb(tx);
    const dialect = dialectOf(tx);
    // Fresh tables on PostgreSQL, put in place at the end; SQLite's emptied (see beginRebuild).
    const tables = await dialect.beginRebuild(db);
    await clearVocabulary(db);
    await db.deleteFrom('search_label').execute();
    await bumpTranslations(db);
    await db.deleteFrom('meta').where('key', '=', STALE_KEY).execute();
    await bumpSearchVersion(db);
    let count = 0;
    const load = new BulkIndex(tx, tables);
    try {
      // Only what readers may see is searchable: drafts and unpublished articles stay out. Read ahead:
      // the next articles are fetched while the server writes the last batch (see bulk-index.ts).
      for await (const article of readAhead(tx.allArticles({ status: 'published' }), READ_AHEAD)) {
        await load.add(complete ? complete(article) : article);
        count++;
        onProgress?.(count);
      }
    } catch (err) {
      await load.written(); // a batch the engine refused: its error says why, what failed after it does not
      throw err;
    }
    await addToVocabulary(db, await load.finish());
    // The indexes and the planner's statistics, then the new tables in place (see endRebuild).
    await dialect.endRebuild(db, tables);
    return count;
  });
}

/** Merges the index and refreshes the planner's statistics: after a bulk load that did not go through `reindexAll`. */
export async function optimizeIndex(store: Store): Promise<void> {
  await dialectOf(store).optimize(searchDb(store));
}
