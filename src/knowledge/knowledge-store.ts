/**
 * @module Keeping and reading what articles were tagged with: `saveTags` runs inside the transaction that
 * saves an article; editors' decisions (accept, reject) are kept apart and survive re-tagging; the readers
 * serve the country and relationship pages and the entities API. Only published articles are shown, and an
 * article whose country an editor rejected shows nothing (articles, events, figures) on that country's pages.
 */
import { NotFoundError } from '../lib/index.ts';
import { chunksOf, insertRows, type Store } from '../store/index.ts';
import type { EntityKind, Event, Figure, Precision, TaggedEntity } from './entity.ts';
import { defaultGazetteer, entityKey, type Gazetteer } from './gazetteer.ts';
import type { ArticleTags } from './tag-article.ts';
import { knowledgeDb, packActors, unpackActors, type KnowledgeDb, type KnowledgeTables } from './tables.ts';

export type Decision = 'accepted' | 'rejected';

type Tags = Pick<ArticleTags, 'entities' | 'events' | 'figures'>;

/** The event and figure tables' columns with their types (see store/insert-rows.ts). */
const EVENT_COLUMNS = [
  ['article_id', 'text'], ['seq', 'int4'], ['date', 'text'], ['precision', 'text'], ['actors', 'text'], ['entities', 'text'],
  ['label', 'text'], ['block', 'int4'], ['start_offset', 'int4'], ['end_offset', 'int4'], ['sources', 'text'], ['place', 'text'],
] as const;
const FIGURE_COLUMNS = [
  ['article_id', 'text'], ['seq', 'int4'], ['value', 'float8'], ['unit', 'text'], ['measure', 'text'], ['period', 'text'], ['actors', 'text'],
  ['block', 'int4'], ['start_offset', 'int4'], ['end_offset', 'int4'], ['source', 'text'], ['text', 'text'], ['approximate', 'int4'],
] as const;

/** Replaces what was stored for `articleId` with `tags` (decisions are kept). */
export async function saveTags(store: Store, articleId: string, tags: Tags): Promise<void> {
  await saveTagsOfMany(store, [{ articleId, tags }]);
}

/**
 * `saveTags` for many articles in a few statements (re-tagging every article): each table's rows for
 * all of them go in together, which on PostgreSQL saves a round trip per article and table.
 *
 * @example await saveTagsOfMany(tx, articles.map((a) => ({ articleId: a.id, tags: tagArticle(a, g) })))
 */
export async function saveTagsOfMany(store: Store, items: readonly { articleId: string; tags: Tags }[], opts: { cleared?: boolean } = {}): Promise<void> {
  await store.transaction(async (tx) => {
    const db = knowledgeDb(tx);
    // `cleared`: the caller removed these articles' rows already (clearPublishedTags).
    if (!opts.cleared) for (const part of chunksOf(items.map((i) => i.articleId))) await removeRows(db, part);
    // Rows in slices under the engine's limit of bound values (store/chunks.ts): a long report has thousands.
    const entities = items.flatMap(({ articleId, tags }) => tags.entities.map((e) => ({ article_id: articleId, kind: e.kind, entity_id: e.id, salience: e.salience })));
    await insertRows(db, 'knowledge_entity', [['article_id', 'text'], ['kind', 'text'], ['entity_id', 'text'], ['salience', 'float8']], entities);
    const events = items.flatMap(({ articleId, tags }) =>
      [...tags.events.entries()].map(([seq, e]) => ({
        article_id: articleId,
        seq,
        date: e.date,
        precision: e.precision,
        actors: packActors(e.actors),
        entities: JSON.stringify(e.entities),
        label: e.label,
        block: e.block,
        start_offset: e.offsets[0],
        end_offset: e.offsets[1],
        sources: JSON.stringify(e.sources),
        place: e.place ?? null,
      })),
    );
    await insertRows(db, 'knowledge_event', EVENT_COLUMNS, events);
    const figures = items.flatMap(({ articleId, tags }) =>
      [...tags.figures.entries()].map(([seq, f]) => ({
        article_id: articleId,
        seq,
        value: f.value,
        unit: f.unit,
        measure: f.measure,
        period: f.period,
        actors: packActors(f.actors),
        block: f.block,
        start_offset: f.offsets[0],
        end_offset: f.offsets[1],
        source: f.source,
        text: f.text,
        approximate: f.approximate ? 1 : 0,
      })),
    );
    await insertRows(db, 'knowledge_figure', FIGURE_COLUMNS, figures);
  });
}

/**
 * Removes the tags (not the decisions) of every published article, one statement a table: before
 * re-tagging them all. Removing them batch by batch was, on PostgreSQL, the larger part of re-tagging
 * 10,000 articles (a lookup per article in each table's index, and a dead row per tag).
 */
export async function clearPublishedTags(store: Store): Promise<void> {
  const db = knowledgeDb(store);
  const published = db.selectFrom('articles').select('id').where('status', '=', 'published');
  await db.deleteFrom('knowledge_entity').where('article_id', 'in', published).execute();
  await db.deleteFrom('knowledge_event').where('article_id', 'in', published).execute();
  await db.deleteFrom('knowledge_figure').where('article_id', 'in', published).execute();
}

async function removeRows(db: KnowledgeDb, articleIds: readonly string[]): Promise<void> {
  await db.deleteFrom('knowledge_entity').where('article_id', 'in', articleIds).execute();
  await db.deleteFrom('knowledge_event').where('article_id', 'in', articleIds).execute();
  await db.deleteFrom('knowledge_figure').where('article_id', 'in', articleIds).execute();
}

/** Forgets everything about an article, its editors' decisions included (the article is gone). */
export async function removeTags(store: Store, articleId: string): Promise<void> {
  const db = knowledgeDb(store);
  await removeRows(db, [articleId]);
  await db.deleteFrom('knowledge_decision').where('article_id', '=', articleId).execute();
}

/**
 * Records an editor's decision on one suggested entity of one article. Rejected entities leave the article's
 * entities (and its country pages); accepted ones stay even when re-tagging no longer suggests them.
 */
export async function decideEntity(store: Store, d: { articleId: string; kind: EntityKind; id: string; status: Decision; by?: string | null }): Promise<void> {
  await store.transaction(async (tx) => {
    const t = knowledgeDb(tx);
    await t.deleteFrom('knowledge_decision').where('article_id', '=', d.articleId).where('kind', '=', d.kind).where('entity_id', '=', d.id).execute();
    await t
      .insertInto('knowledge_decision')
      .values({ article_id: d.articleId, kind: d.kind, entity_id: d.id, status: d.status, decided_by: d.by ?? null, decided_at: new Date().toISOString() })
      .execute();
    // The article's page lists its countries: caches and the static build's rebuild follow the change log.
    await tx.recordChange([`article:${d.articleId}`]);
  });
}

export interface ArticleEntity extends TaggedEntity {
  status: 'suggested' | Decision;
}

/** An article's entities as `/api/articles/:id/entities` gives them (rejected ones left out unless asked). */
export async function articleEntities(store: Store, articleId: string, opts: { lang?: string; withRejected?: boolean; gazetteer?: Gazetteer } = {}): Promise<ArticleEntity[]> {
  const g = opts.gazetteer ?? defaultGazetteer();
  const db = knowledgeDb(store);
  const article = await db.selectFrom('articles').select(['lang']).where('id', '=', articleId).executeTakeFirst();
  if (!article) throw new NotFoundError(`no article with id ${articleId}`);
  const lang = opts.lang ?? article.lang;
  const [rows, decisions] = await Promise.all([
    db.selectFrom('knowledge_entity').selectAll().where('article_id', '=', articleId).execute(),
    db.selectFrom('knowledge_decision').selectAll().where('article_id', '=', articleId).execute(),
  ]);
  return entitiesFrom(rows, decisions, lang, g, opts.withRejected ?? false);
}

type EntityRow = Pick<KnowledgeTables['knowledge_entity'], 'kind' | 'entity_id' | 'salience'>;
type DecisionRow = Pick<KnowledgeTables['knowledge_decision'], 'kind' | 'entity_id' | 'status'>;

/** One article's entities from its rows and its editors' decisions, the most salient first. */
function entitiesFrom(rows: EntityRow[], decisions: DecisionRow[], lang: string, g: Gazetteer, withRejected: boolean): ArticleEntity[] {
  const status = new Map(decisions.map((d) => [entityKey(d.kind as EntityKind, d.entity_id), d.status as Decision]));
  const out: ArticleEntity[] = [];
  const name = (kind: string, id: string) => g.entities.get(entityKey(kind as EntityKind, id))?.label[lang] ?? g.entities.get(entityKey(kind as EntityKind, id))?.label.en ?? id;
  for (const r of rows) {
    const s = status.get(entityKey(r.kind as EntityKind, r.entity_id)) ?? 'suggested';
    if (s === 'rejected' && !withRejected) continue;
    out.push({ kind: r.kind as EntityKind, id: r.entity_id, name: name(r.kind, r.entity_id), salience: Number(r.salience), status: s });
  }
  for (const d of decisions) {
    if (d.status !== 'accepted' || rows.some((r) => r.kind === d.kind && r.entity_id === d.entity_id)) continue;
    out.push({ kind: d.kind as EntityKind, id: d.entity_id, name: name(d.kind, d.entity_id), salience: 0.5, status: 'accepted' });
  }
  return out.sort((a, b) => b.salience - a.salience || a.id.localeCompare(b.id));
}

/**
 * The entities of one kind of every article, read in two queries (the static build reads them all; an
 * article's list is `articleEntities(…)` filtered to that kind, in the same order). Call the result with
 * an article's id and language.
 *
 * @example const countriesOf = await entitiesOfKind(store, 'country'); countriesOf(article.id, 'ar') // → [{ kind: 'country', id: 'DZ', … }]
 */
export async function entitiesOfKind(store: Store, kind: EntityKind, opts: { gazetteer?: Gazetteer } = {}): Promise<(articleId: string, lang: string) => ArticleEntity[]> {
  const g = opts.gazetteer ?? defaultGazetteer();
  const db = knowledgeDb(store);
  const [rows, decisions] = await Promise.all([
    db.selectFrom('knowledge_entity').select(['article_id', 'kind', 'entity_id', 'salience']).where('kind', '=', kind).execute(),
    db.selectFrom('knowledge_decision').select(['article_id', 'kind', 'entity_id', 'status']).where('kind', '=', kind).execute(),
  ]);
  const group = <T extends { article_id: string }>(list: T[]) => {
    const by = new Map<string, T[]>();
    for (const r of list) by.get(r.article_id)?.push(r) ?? by.set(r.article_id, [r]);
    return by;
  };
  const rowsOf = group(rows);
  const decisionsOf = group(decisions);
  return (articleId, lang) => entitiesFrom(rowsOf.get(articleId) ?? [], decisionsOf.get(articleId) ?? [], lang, g, false);
}

export interface KnowledgeArticle {
  id: string;
  lang: string;
  title: string;
  path: string;
  published: string | null;
}

type EventRow = KnowledgeTables['knowledge_event'] & { path: string; title: string };

function toEvent(r: EventRow): Event & { path: string; title: string } {
  return {
    date: r.date,
    precision: r.precision as Precision,
    actors: unpackActors(r.actors),
    label: r.label,
    article: r.article_id,
    block: Number(r.block),
    offsets: [Number(r.start_offset), Number(r.end_offset)],
    sources: JSON.parse(r.sources) as string[],
    entities: JSON.parse(r.entities) as string[],
    ...(r.place ? { place: r.place } : {}),
    path: r.path,
    title: r.title,
  };
}

function eventRows(db: KnowledgeDb, codes: string[], articleIds?: string[]) {
  let q = db
    .selectFrom('knowledge_event as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .selectAll('e')
    .select(['a.path', 'a.title'])
    .where('a.status', '=', 'published');
  for (const c of codes) q = q.where('e.actors', 'like', `%,${c},%`);
  if (articleIds) q = q.where('e.article_id', 'in', articleIds.length ? articleIds : ['']);
  return q.orderBy('e.date').orderBy('e.article_id').orderBy('e.seq').execute();
}

/** Articles in which an editor rejected one of `codes`: their events and figures stay off those states' pages. */
async function rejectedFor(db: KnowledgeDb, codes: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('knowledge_decision').select('article_id').where('kind', '=', 'country').where('entity_id', 'in', codes).where('status', '=', 'rejected').execute();
  return new Set(rows.map((r) => r.article_id));
}

/** Published articles tagged with every one of `codes` (not rejected), the most about them first. */
async function articlesAbout(db: KnowledgeDb, codes: string[]): Promise<KnowledgeArticle[]> {
  // An article's weight for a set of states is its weakest salience among them (accepted by an editor: 0.5).
  let weight = new Map<string, number>();
  for (const [k, code] of codes.entries()) {
    const [rows, decisions] = await Promise.all([
      db.selectFrom('knowledge_entity').select(['article_id', 'salience']).where('kind', '=', 'country').where('entity_id', '=', code).execute(),
      db.selectFrom('knowledge_decision').select(['article_id', 'status']).where('kind', '=', 'country').where('entity_id', '=', code).execute(),
    ]);
    const these = new Map(rows.map((r) => [r.article_id, Number(r.salience)]));
    for (const d of decisions) {
      if (d.status === 'rejected') these.delete(d.article_id);
      else if (!these.has(d.article_id)) these.set(d.article_id, 0.5);
    }
    const prev = weight;
    weight = k === 0 ? these : new Map([...these].filter(([id]) => prev.has(id)).map(([id, s]) => [id, Math.min(s, prev.get(id)!)]));
  }
  if (weight.size === 0) return [];
  const rows = [];
  for (const part of chunksOf([...weight.keys()])) {
    rows.push(...(await db.selectFrom('articles').select(['id', 'lang', 'title', 'path', 'published']).where('id', 'in', part).where('status', '=', 'published').execute()));
  }
  const w = weight;
  return rows.sort((a, b) => w.get(b.id)! - w.get(a.id)! || (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id));
}

export interface CountryKnowledge {
  code: string;
  names: { ar: string; en: string };
  articles: KnowledgeArticle[];
  events: (Event & { path: string; title: string })[];
  figures: (Figure & { path: string; title: string })[];
}

function countryOf(code: string, g: Gazetteer) {
  const e = g.entities.get(entityKey('country', code.toUpperCase()));
  if (!e) throw new NotFoundError(`no country with code ${code}`);
  return e;
}

/**
 * What the institute has written about one state: articles, events, figures.
 * @example (await countryKnowledge(store, 'dz')).names.ar // → 'الجزائر'
 */
export async function countryKnowledge(store: Store, code: string, g: Gazetteer = defaultGazetteer()): Promise<CountryKnowledge> {
  const e = countryOf(code, g);
  const db = knowledgeDb(store);
  const articles = await articlesAbout(db, [e.id]);
  const rejected = await rejectedFor(db, [e.id]);
  const events = (await eventRows(db, [e.id])).filter((r) => !rejected.has(r.article_id)).map(toEvent);
  const figureRows = await db
    .selectFrom('knowledge_figure as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .selectAll('f')
    .select(['a.path', 'a.title'])
    .where('a.status', '=', 'published')
    .where('f.actors', 'like', `%,${e.id},%`)
    .orderBy('f.article_id')
    .orderBy('f.seq')
    .execute();
  const figures = figureRows.filter((r) => !rejected.has(r.article_id)).map((r) => ({
    value: Number(r.value),
    unit: r.unit,
    measure: r.measure,
    period: r.period,
    actors: unpackActors(r.actors),
    article: r.article_id,
    block: Number(r.block),
    offsets: [Number(r.start_offset), Number(r.end_offset)] as [number, number],
    source: r.source,
    text: r.text,
    approximate: Number(r.approximate) === 1,
    path: r.path,
    title: r.title,
  }));
  return { code: e.id, names: { ar: e.label.ar, en: e.label.en }, articles, events, figures };
}

export interface RelationKnowledge {
  countries: [string, string];
  names: { ar: [string, string]; en: [string, string] };
  articles: KnowledgeArticle[];
  events: (Event & { path: string; title: string })[];
}

/**
 * Two states together: the articles tagged with both and the events that involve both.
 * @example (await relationKnowledge(store, 'dz', 'ru')).countries // → ['DZ', 'RU']
 */
export async function relationKnowledge(store: Store, a: string, b: string, g: Gazetteer = defaultGazetteer()): Promise<RelationKnowledge> {
  const [x, y] = [countryOf(a, g), countryOf(b, g)].sort((p, q) => p.id.localeCompare(q.id));
  const db = knowledgeDb(store);
  const articles = await articlesAbout(db, [x.id, y.id]);
  const rejected = await rejectedFor(db, [x.id, y.id]);
  const events = (await eventRows(db, [x.id, y.id])).filter((r) => !rejected.has(r.article_id)).map(toEvent);
  return { countries: [x.id, y.id], names: { ar: [x.label.ar, y.label.ar], en: [x.label.en, y.label.en] }, articles, events };
}
