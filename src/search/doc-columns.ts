/**
 * @module The index's document table (`search_doc`), held in memory as columns: what grouping,
 * filtering, facet counting and sampling need for every matched article, without reading its row.
 * The engine then only hands back row ids (and scores), which is most of the cost of a broad query.
 * The columns are cached per database and reloaded when `search_version` (bumped in the same
 * transaction as every index write) has moved; inside a transaction they are read fresh and not kept,
 * so a rolled-back write can never leave them stale.
 */
import { sql } from 'kysely';
import type { Store } from '../store/index.ts';
import { decodeHead, IntList } from './head.ts';
import { searchDb, type SearchDb } from './tables.ts';
import type { FacetName, SearchQuery } from './types.ts';
import { bumpMetaCounter } from './meta-counter.ts';

const VERSION_KEY = 'search_version';

/** Marks the index as changed: call inside the transaction that changed it. */
export async function bumpSearchVersion(db: SearchDb): Promise<void> {
  await bumpMetaCounter(db, VERSION_KEY);
}

async function searchVersion(db: SearchDb): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  return row?.value ?? '0';
}

/** Interns strings as small integers. */
class Dictionary {
  readonly names: string[] = [];
  readonly #ids = new Map<string, number>();
  id(name: string): number {
    let id = this.#ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.#ids.set(name, id);
    }
    return id;
  }
  find(name: string): number {
    return this.#ids.get(name) ?? -1;
  }
}

const TAG_FACETS = ['topic', 'region', 'country', 'expert'] as const;

export interface DocColumns {
  readonly version: string;
  readonly size: number;
  /** Row ids, ascending (so by publication date; see index-article.ts). Index `i` below is a position here. */
  readonly rids: Float64Array;
  /** Translation group ids (the group's name stays in the database: see buildHits). */
  readonly group: Int32Array;
  readonly lang: Int32Array;
  readonly langs: Dictionary;
  readonly type: Int32Array;
  readonly types: Dictionary;
  /** 0 when undated. */
  readonly year: Int32Array;
  /** The publication date as the number yyyymmdd (0 when undated): numbers, not 100,000 strings for the collector to walk. */
  readonly published: Int32Array;
  readonly fresh: Float32Array;
  /** The tags of article `i` are `tagIds[tagStart[i] .. tagStart[i + 1])`. */
  readonly tagStart: Int32Array;
  readonly tagIds: Int32Array;
  /** `facet<TAB>value` per tag id. */
  readonly tags: Dictionary;
  /** Runs of consecutive positions with one year (few, since positions follow publication date). */
  readonly yearRuns: { year: number; start: number; end: number }[];
  /** Facet values' names per language: `labels.get('topic\t<term id>')` → Map { 'ar' → 'الغاز', 'en' → 'Gas' }. */
  readonly labels: Map<string, Map<string, string>>;
  /** Facet values' slugs per language, as `labels`: what filter links name. */
  readonly slugs: Map<string, Map<string, string>>;
  /** `facet<TAB>slug` (any language's) → the value it names. */
  readonly bySlug: Map<string, string>;
  /** The head of article `i` (see head.ts) starts at `heads[headAt[i]]`. */
  readonly headAt: Int32Array;
  readonly heads: Int32Array;
}

/** Per database: the columns of one version, or the load under way (so concurrent searches share it). */
const cache = new WeakMap<object, { version: string; columns: Promise<DocColumns> }>();

async function load(db: SearchDb, version: string): Promise<DocColumns> {
  const rows = await db
    .selectFrom('search_doc')
    .select(['rid', 'grp', 'lang', 'type', 'year', 'published', 'fresh', 'tags', 'head'])
    .orderBy('rid')
    .execute();
  const n = rows.length;
  const groups = new Dictionary();
  const langs = new Dictionary();
  const types = new Dictionary();
  const tags = new Dictionary();
  const cols = {
    version,
    size: n,
    rids: new Float64Array(n),
    group: new Int32Array(n),
    lang: new Int32Array(n),
    langs,
    type: new Int32Array(n),
    types,
    year: new Int32Array(n),
    published: new Int32Array(n),
    fresh: new Float32Array(n),
    tagStart: new Int32Array(n + 1),
    tagIds: new Int32Array(0),
    tags,
    yearRuns: [] as { year: number; start: number; end: number }[],
    labels: new Map<string, Map<string, string>>(),
    slugs: new Map<string, Map<string, string>>(),
    bySlug: new Map<string, string>(),
    headAt: new Int32Array(n),
    heads: new Int32Array(0),
  };
  const heads = new IntList();
  const tagIds = new IntList();
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    cols.rids[i] = Number(r.rid);
    cols.group[i] = groups.id(r.grp);
    cols.lang[i] = langs.id(r.lang);
    cols.type[i] = types.id(r.type);
    cols.year[i] = r.year === null ? 0 : Number(r.year);
    cols.published[i] = dateNumber(r.published);
    cols.fresh[i] = Number(r.fresh);
    cols.tagStart[i] = tagIds.length;
    if (r.tags) for (const line of r.tags.split('\n')) tagIds.push(tags.id(line));
    cols.headAt[i] = heads.length;
    decodeHead(r.head, heads);
  }
  cols.tagStart[n] = tagIds.length;
  cols.tagIds = tagIds.toArray();
  cols.heads = heads.toArray();
  for (const l of await db.selectFrom('search_label').select(['facet', 'value', 'lang', 'label', 'slug']).execute()) {
    const key = `${l.facet}\t${l.value}`;
    if (!cols.labels.has(key)) cols.labels.set(key, new Map());
    cols.labels.get(key)!.set(l.lang, l.label);
    if (l.slug === null) continue;
    if (!cols.slugs.has(key)) cols.slugs.set(key, new Map());
    cols.slugs.get(key)!.set(l.lang, l.slug);
    cols.bySlug.set(`${l.facet}\t${l.slug}`, l.value);
  }
  for (let i = 0; i < n; i++) {
    const last = cols.yearRuns[cols.yearRuns.length - 1];
    if (last && last.year === cols.year[i]) last.end = i + 1;
    else cols.yearRuns.push({ year: cols.year[i], start: i, end: i + 1 });
  }
  return cols;
}

/** The columns of `store`'s index as of now. */
export async function docColumns(store: Store): Promise<DocColumns> {
  const db = searchDb(store);
  const version = await searchVersion(db);
  // Inside a transaction the columns are read fresh and not kept: it may yet roll back.
  if (store.db.isTransaction) return load(db, version);
  const had = cache.get(store.db);
  if (had && had.version === version) return had.columns;
  const columns = load(db, version);
  cache.set(store.db, { version, columns });
  columns.catch(() => {
    if (cache.get(store.db)?.columns === columns) cache.delete(store.db);
  });
  return columns;
}

/** `dateNumber('2023-05-18')` → 20230518; 0 for null or anything else. */
export function dateNumber(date: string | null | undefined): number {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? Number(m[1] + m[2] + m[3]) : 0;
}

/** The position of row id `rid`, or -1. */
export function positionOf(cols: DocColumns, rid: number): number {
  let lo = 0;
  let hi = cols.size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = cols.rids[mid];
    if (v === rid) return mid;
    if (v < rid) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The first position whose rid is at least `rid` (`size` when none). */
export function lowerBound(cols: DocColumns, rid: number): number {
  let lo = 0;
  let hi = cols.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cols.rids[mid] < rid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The query's filters as a test on a position; undefined when there are none. */
export function filterOf(cols: DocColumns, q: SearchQuery): ((i: number) => boolean) | undefined {
  const tests: ((i: number) => boolean)[] = [];
  const never = () => false;
  if (q.lang) {
    const id = cols.langs.find(q.lang);
    tests.push(id < 0 ? never : (i) => cols.lang[i] === id);
  }
  if (q.type) {
    const id = cols.types.find(q.type);
    tests.push(id < 0 ? never : (i) => cols.type[i] === id);
  }
  if (q.year !== undefined) {
    const year = q.year;
    tests.push((i) => cols.year[i] === year);
  }
  if (q.from) {
    const from = dateNumber(q.from);
    tests.push((i) => cols.published[i] !== 0 && cols.published[i] >= from);
  }
  if (q.to) {
    const to = dateNumber(q.to);
    tests.push((i) => cols.published[i] !== 0 && cols.published[i] <= to);
  }
  for (const facet of TAG_FACETS) {
    const value = tagValue(cols, facet, q[facet]);
    if (value === undefined) continue;
    const id = cols.tags.find(`${facet}\t${value}`);
    tests.push(id < 0 ? never : (i) => hasTag(cols, i, id));
  }
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (i) => {
    for (const t of tests) if (!t(i)) return false;
    return true;
  };
}

/**
 * The indexed value a filter names: a term's slug in any language (or its id) → the term's id, so
 * `topic=great-power-competition` finds the Arabic articles of that topic too.
 */
export function tagValue(cols: DocColumns, facet: (typeof TAG_FACETS)[number], given: string | undefined): string | undefined {
  if (given === undefined || cols.tags.find(`${facet}\t${given}`) >= 0) return given;
  return cols.bySlug.get(`${facet}\t${given}`) ?? given;
}

function hasTag(cols: DocColumns, i: number, id: number): boolean {
  for (let k = cols.tagStart[i]; k < cols.tagStart[i + 1]; k++) if (cols.tagIds[k] === id) return true;
  return false;
}

/**
 * Counts of articles passing `filter` below each position: `count(a, b)` is how many positions in
 * [a, b) pass. Built once a query, in one pass, only when there are filters.
 */
export function passCounter(cols: DocColumns, filter: ((i: number) => boolean) | undefined): (a: number, b: number) => number {
  if (!filter) return (a, b) => Math.max(0, b - a);
  const prefix = new Int32Array(cols.size + 1);
  for (let i = 0; i < cols.size; i++) prefix[i + 1] = prefix[i] + (filter(i) ? 1 : 0);
  return (a, b) => (b > a ? prefix[b] - prefix[a] : 0);
}

/** The facet and value of tag id `id`. */
export function tagParts(cols: DocColumns, id: number): [FacetName, string] {
  const line = cols.tags.names[id];
  const tab = line.indexOf('\t');
  return [line.slice(0, tab) as FacetName, line.slice(tab + 1)];
}
