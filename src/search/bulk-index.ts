/**
 * @module Filling a rebuilt index with many articles in few statements: what `reindexAll` uses. Saving
 * one article asks the index where it belongs (its translation group, the next free row id of its day)
 * in about ten round trips; a rebuild starts from nothing, so it keeps those answers in memory and
 * writes each table's rows for hundreds of articles at once. On PostgreSQL each round trip costs a
 * pair of context switches, which made a rebuild four times slower than on SQLite.
 */
import type { Article } from '../model/index.ts';
import { chunksOf, type Store } from '../store/index.ts';
import { dialectOf } from './dialects/index.ts';
import type { RebuildTables } from './dialects/dialect.ts';
import { searchDoc, type SearchDoc } from './search-doc.ts';
import { termKeysOfMany, type KnownKeys } from './term-keys.ts';
import { alignUnits } from './cross-language/index.ts';
import { searchDb, type SearchDb } from './tables.ts';
import { dayBase, nextRid } from './rid-space.ts';
import { countStems } from './vocabulary.ts';
import { attachmentTexts } from './attachment-text.ts';

/** Articles written per batch, and the text a batch may hold before it is written anyway. */
const BATCH_ARTICLES = 250;
const BATCH_CHARS = 4_000_000;

/**
 * Fills the tables a rebuild begun by `reindexAll` writes (see the dialect's `beginRebuild`), inside its
 * transaction. `add` each article, then `finish`: groups that later articles merged are corrected
 * there, and the stem counts returned.
 *
 * @example
 * const load = new BulkIndex(tx, tables); for (const a of articles) await load.add(a); const counts = await load.finish();
 */
export class BulkIndex {
  readonly #tx: Store;
  readonly #db: SearchDb;
  readonly #tables: RebuildTables;
  /** The last row id given out per day (by the day's base, see rid-space.ts). */
  readonly #tops = new Map<number, number>();
  /** Union-find over indexed paths: each path's parent, and each root's group (the smallest path seen). */
  readonly #parent = new Map<string, string>();
  readonly #least = new Map<string, string>();
  /** Paths named as translations before they were indexed: path → the indexed paths naming it. */
  readonly #namedBy = new Map<string, string[]>();
  /** What each written row was given as its group, to correct at the end. */
  readonly #written = new Map<string, { rid: number; grp: string }>();
  readonly #counts = new Map<string, number>();
  /** Term and expert ids by slug, asked once a rebuild (see term-keys.ts). */
  readonly #keys: KnownKeys = new Map();
  #batch: { doc: SearchDoc; rid: number; grp: string; units: string }[] = [];
  #chars = 0;
  /** The previous batch's statements, still running: the server writes one batch while Node analyzes the next. */
  #writing: Promise<void> = Promise.resolve();

  constructor(tx: Store, tables: RebuildTables) {
    this.#tx = tx;
    this.#db = searchDb(tx);
    this.#tables = tables;
  }

  async add(article: Article): Promise<void> {
    // Its tags get their term ids when the batch is written: one question for the batch's slugs.
    const doc = searchDoc(article, article.attachments.length ? await attachmentTexts(this.#tx, article) : []);
    const grp = this.#join(doc);
    const base = dayBase(doc.published);
    const rid = nextRid(doc.published, this.#tops.get(base) ?? base);
    this.#tops.set(base, rid);
    this.#batch.push({ doc, rid, grp, units: alignUnits(article) });
    this.#chars += doc.text.length;
    countStems(doc, this.#counts);
    if (this.#batch.length >= BATCH_ARTICLES || this.#chars >= BATCH_CHARS) await this.#flush();
  }

  /** Writes what is pending and corrects the groups that merged after their rows were written; resolves to the stem counts. */
  async finish(): Promise<Map<string, number>> {
    await this.#flush();
    await this.#writing;
    const moves = new Map<string, number[]>();
    for (const [path, w] of this.#written) {
      const grp = this.#least.get(this.#root(path))!;
      if (grp !== w.grp) moves.set(grp, [...(moves.get(grp) ?? []), w.rid]);
    }
    for (const [grp, rids] of moves) {
      for (const part of chunksOf(rids)) await this.#db.updateTable(this.#tables.search_doc as 'search_doc').set({ grp }).where('rid', 'in', part).execute();
    }
    return this.#counts;
  }

  /**
   * Waits for the batch being written; throws its error if the engine refused it. After a failure the
   * caller asks this first: on PostgreSQL every statement after a refused one fails with "current
   * transaction is aborted", which says nothing of why.
   */
  async written(): Promise<void> {
    await this.#writing;
  }

  #root(path: string): string {
    let p = path;
    while (this.#parent.get(p) !== p) p = this.#parent.get(p)!;
    // Path halving on the way back keeps later lookups short.
    let q = path;
    while (q !== p) {
      const next = this.#parent.get(q)!;
      this.#parent.set(q, p);
      q = next;
    }
    return p;
  }

  #union(a: string, b: string): void {
    const ra = this.#root(a);
    const rb = this.#root(b);
    if (ra === rb) return;
    this.#parent.set(rb, ra);
    const la = this.#least.get(ra)!;
    const lb = this.#least.get(rb)!;
    this.#least.set(ra, la < lb ? la : lb);
    this.#least.delete(rb);
  }

  /**
   * The document's translation group, as `joinGroup` in index-article.ts finds it through the tables:
   * the smallest of its path, the paths it names, and the groups of indexed documents linked either way.
   */
  #join(doc: SearchDoc): string {
    const own = doc.path;
    this.#parent.set(own, own);
    this.#least.set(own, [own, ...doc.translations].sort()[0]);
    for (const t of doc.translations) {
      if (this.#parent.has(t)) this.#union(own, t);
      else this.#namedBy.set(t, [...(this.#namedBy.get(t) ?? []), own]);
    }
    for (const by of this.#namedBy.get(own) ?? []) this.#union(own, by);
    this.#namedBy.delete(own);
    return this.#least.get(this.#root(own))!;
  }

  async #flush(): Promise<void> {
    const batch = this.#batch;
    if (batch.length === 0) return;
    this.#batch = [];
    this.#chars = 0;
    const keyed = await termKeysOfMany(this.#tx, batch.map((b) => b.doc), this.#keys);
    batch.forEach((b, i) => (b.doc = { ...b.doc, tags: keyed[i] }));
    const dialect = dialectOf(this.#tx);
    const tables = this.#tables;
    const rows = {
      docs: batch.map(({ doc, rid, grp }) => ({ doc, rid, grp })),
      texts: batch.map(({ rid, doc }) => ({ rid, text: doc.text })),
      aligns: batch.map(({ rid, units }) => ({ rid, units })),
      links: batch.flatMap(({ rid, doc }) => doc.translations.map((path) => ({ rid, path }))),
      tags: batch.flatMap(({ rid, doc }) => [...new Map(doc.tags.map((t) => [`${t.facet}\t${t.value}`, { rid, facet: t.facet, value: t.value }])).values()]),
    };
    // One label per facet value and language: the last article's name for it, as one by one.
    const labels = new Map<string, { facet: string; value: string; lang: string; label: string; slug: string | null }>();
    for (const { doc } of batch) for (const t of doc.tags) labels.set(`${t.facet}\t${t.value}\t${doc.lang}`, { facet: t.facet, value: t.value, lang: doc.lang, label: t.label, slug: t.slug ?? null });
    for (const { rid, doc, grp } of batch) this.#written.set(doc.path, { rid, grp });
    // One batch in flight: its statements queue on the transaction's connection, in order.
    await this.#writing;
    const db = this.#db;
    this.#writing = (async () => {
      await dialect.writeRebuild(db, tables, rows);
      for (const part of chunksOf([...labels.values()], 5)) {
        await db
          .insertInto('search_label')
          .values(part)
          .onConflict((oc) => oc.columns(['facet', 'value', 'lang']).doUpdateSet((eb) => ({ label: eb.ref('excluded.label'), slug: eb.ref('excluded.slug') })))
          .execute();
      }
    })();
    // Awaited at the next batch or in finish; until then its failure must not count as unhandled.
    this.#writing.catch(() => {});
  }
}
