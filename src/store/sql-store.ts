/**
 * @module The Store on Kysely: one set of queries for SQLite and PostgreSQL. Articles are kept whole as
 * their JSON document plus the columns and link tables that listings, paths and joins need; the
 * document is the truth, the rest is derived from it on every write, in the same transaction.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  ArticleSchema,
  MizanError,
  expertPath,
  termPath,
  type Article,
  type ArticleType,
  type TermKind,
} from './deps.ts';
import { chunksOf } from './chunks.ts';
import { withRetry } from './retry.ts';
import type { Database } from './schema.ts';
import type {
  ArticleQuery,
  ArticleSummary,
  ContentChange,
  Engine,
  ExpertView,
  Page,
  PathTarget,
  PutResult,
  Store,
  TermView,
} from './store.ts';

const MAX_PAGE = 200;

/** The PostgreSQL channel on which each change's id is announced (see `recordChange`). */
export const CHANGE_CHANNEL = 'mizan_changes';

/** Articles `allArticles` reads a query (a reindex on 100,000 articles on PostgreSQL waited idle 9% of its time at 100). */
const ALL_ARTICLES_SLICE = 400;

/** The columns of an article's row its listing entry is made from (`summaryOfRow`), beside two of its document's fields. */
const SUMMARY_COLUMNS = ['id', 'lang', 'type', 'series_name', 'series_number', 'title', 'summary', 'published', 'path', 'authors_json'] as const;

/** A top-level field of the row's document as JSON text (a string field as its text), taken out by the database. */
function docField(engine: Engine, field: string) {
  return engine === 'postgres' ? sql<string | null>`(doc::json)->>${sql.lit(field)}` : sql<string | null>`json_extract(doc, ${sql.lit(`$.${field}`)})`;
}

/**
 * What an article's listing entry is read with on `engine` (`summaryOfRow` makes the entry): the row's own
 * columns, and its document's type label and image taken out by the database's JSON functions. Parsing
 * every listed document here instead was two thirds of listing 10,000 articles (205 ms against 70).
 *
 * @example const rows = await store.db.selectFrom('articles').select(summarySelection(store.engine)).execute()
 */
export function summarySelection(engine: Engine) {
  return [...SUMMARY_COLUMNS, docField(engine, 'typeLabel').as('type_label'), docField(engine, 'image').as('image_json')] as const;
}

type SummaryRow = Pick<Database['articles'], (typeof SUMMARY_COLUMNS)[number]> & { type_label: string | null; image_json: string | null };

/** An article's entry in a listing, from its row read with `summarySelection` (the store's listings and the static build's snapshot). */
export function summaryOfRow(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    lang: r.lang,
    type: r.type as ArticleType,
    typeLabel: r.type_label ?? '',
    image: r.image_json === null ? null : (JSON.parse(r.image_json) as Article['image']),
    series: r.series_name !== null && r.series_number !== null ? { name: r.series_name, number: Number(r.series_number) } : null,
    title: r.title,
    summary: r.summary,
    published: r.published,
    path: r.path,
    authors: JSON.parse(r.authors_json) as { name: string; path: string }[],
  };
}

function shortId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** JSON with sorted keys, so two equal documents compare equal whatever order their keys came in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

function nowIso(): string {
  return new Date().toISOString();
}

type Db = Kysely<Database>;

export class SqlStore implements Store {
  readonly engine: Engine;
  readonly db: Db;
  readonly #inTransaction: boolean;
  readonly #onClose: () => Promise<void>;

  constructor(db: Db, engine: Engine, onClose: () => Promise<void>, inTransaction = false) {
    this.db = db;
    this.engine = engine;
    this.#onClose = onClose;
    this.#inTransaction = inTransaction;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return fn(this);
    // A transaction that met another writer was rolled back whole: run it again (store/retry.ts).
    return withRetry(this.engine, () =>
      this.db.transaction().execute((trx) => fn(new SqlStore(trx, this.engine, this.#onClose, true))),
    );
  }

  async close(): Promise<void> {
    if (this.#inTransaction) return;
    await this.#onClose();
  }

  // ---- articles ----------------------------------------------------------------------------------

  async putArticle(input: Article): Promise<PutResult> {
    const parsed = ArticleSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MizanError('invalid-article', `invalid article: ${issue.path.join('.') || 'article'}: ${issue.message}`, {
        file: input.origin?.file ?? undefined,
      });
    }
    const article = parsed.data;
    return this.transaction(async (tx) => (tx as SqlStore).#put(article));
  }

  async #put(article: Article): Promise<PutResult> {
    const db = this.db;
    const claim = await db.selectFrom('paths').select(['kind', 'ref_id', 'redirect_to']).where('path', '=', article.path).executeTakeFirst();
    if (claim && claim.kind !== 'article') {
      throw new MizanError('path-taken', `the path ${article.path} already belongs to a ${claim.kind}`, { file: article.origin.file ?? undefined });
    }
    const existing = await db.selectFrom('articles').select(['id', 'doc', 'version']).where('path', '=', article.path).executeTakeFirst();
    const id = existing?.id ?? article.id;
    const doc: Article = { ...article, id, translations: article.translations.map((t) => ({ ...t, exists: false })) };
    const docJson = stableJson(doc);
    if (existing && existing.doc === docJson) return { id, status: 'unchanged' };
    // What the article touched before this write (terms or authors it leaves) and after it.
    const touchedBefore = existing ? await this.changeTags(id) : [];

    if (!existing) {
      const clash = await db.selectFrom('articles').select('path').where('id', '=', id).executeTakeFirst();
      if (clash) throw new MizanError('id-taken', `article id ${id} is already used by ${clash.path}`);
    }
    const now = nowIso();
    const row = {
      lang: doc.lang,
      path: doc.path,
      type: doc.type,
      series_name: doc.series?.name ?? null,
      series_number: doc.series?.number ?? null,
      title: doc.title,
      summary: doc.summary,
      published: doc.published,
      updated: doc.updated,
      doc: docJson,
      authors_json: JSON.stringify(doc.authors.map((a) => ({ name: a.name, path: a.path }))),
      modified_at: now,
    };
    if (existing) {
      await db.updateTable('articles').set({ ...row, version: existing.version + 1 }).where('id', '=', id).execute();
      await db.deleteFrom('article_authors').where('article_id', '=', id).execute();
      await db.deleteFrom('article_terms').where('article_id', '=', id).execute();
      await db.deleteFrom('article_translations').where('article_id', '=', id).execute();
    } else {
      await db.insertInto('articles').values({ id, ...row, status: 'published', created_at: now, version: 1 }).execute();
    }
    if (claim?.redirect_to) await db.deleteFrom('paths').where('path', '=', doc.path).execute();
    if (!claim || claim.redirect_to) {
      await db.insertInto('paths').values({ path: doc.path, kind: 'article', ref_id: id, lang: doc.lang, redirect_to: null }).execute();
    }

    for (const t of doc.translations) {
      await db.insertInto('article_translations').values({ article_id: id, lang: t.lang, path: t.path }).onConflict((oc) => oc.doNothing()).execute();
    }
    const partners = await this.#partners(id, doc);

    for (const [position, author] of doc.authors.entries()) {
      const expertId = await this.#resolveExpert(doc.lang, author, position, partners);
      await db.insertInto('article_authors').values({ article_id: id, position, expert_id: expertId }).execute();
    }
    let position = 0;
    const groups: [TermKind, { slug: string; name: string }[]][] = [
      ['topic', doc.topics],
      ['region', doc.regions],
      ['country', doc.countries.map((c) => ({ slug: c.code.toLowerCase(), name: c.name }))],
    ];
    for (const [kind, terms] of groups) {
      for (const [index, term] of terms.entries()) {
        const termId = await this.#resolveTerm(kind, doc.lang, term, index, partners);
        await db
          .insertInto('article_terms')
          .values({ article_id: id, term_id: termId, position: position++ })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    await this.recordChange([...touchedBefore, ...(await this.changeTags(id))]);
    return { id, status: existing ? 'updated' : 'created' };
  }

  /** Ids of the stored translations of an article, either way round: they share experts and terms. */
  async #partners(id: string, doc: Article): Promise<string[]> {
    const paths = doc.translations.map((t) => t.path);
    const forward = [];
    for (const part of chunksOf(paths)) forward.push(...(await this.db.selectFrom('articles').select('id').where('path', 'in', part).execute()));
    const backward = await this.db.selectFrom('article_translations').select('article_id as id').where('path', '=', doc.path).execute();
    return [...new Set([...forward, ...backward].map((r) => r.id))].filter((p) => p !== id);
  }

  async #resolveExpert(lang: string, author: Article['authors'][number], position: number, partners: string[]): Promise<string> {
    const db = this.db;
    const known = await db.selectFrom('expert_names').select('expert_id').where('lang', '=', lang).where('slug', '=', author.slug).executeTakeFirst();
    if (known) {
      await db
        .updateTable('expert_names')
        .set({ name: author.name, ...(author.title ? { title: author.title } : {}), ...(author.bio ? { bio: author.bio } : {}) })
        .where('lang', '=', lang)
        .where('slug', '=', author.slug)
        .execute();
      return known.expert_id;
    }
    let expertId: string | undefined;
    if (partners.length) {
      const candidate = await db
        .selectFrom('article_authors')
        .select('expert_id')
        .where('article_id', 'in', partners)
        .where('position', '=', position)
        .executeTakeFirst();
      if (candidate) {
        const taken = await db.selectFrom('expert_names').select('slug').where('expert_id', '=', candidate.expert_id).where('lang', '=', lang).executeTakeFirst();
        if (!taken) expertId = candidate.expert_id;
      }
    }
    if (!expertId) {
      expertId = shortId('expert', lang, author.slug);
      await db.insertInto('experts').values({ id: expertId }).onConflict((oc) => oc.doNothing()).execute();
    }
    await db
      .insertInto('expert_names')
      .values({ expert_id: expertId, lang, slug: author.slug, name: author.name, title: author.title, bio: author.bio })
      .execute();
    const path = expertPath(lang, author.slug);
    await db.insertInto('paths').values({ path, kind: 'expert', ref_id: expertId, lang, redirect_to: null }).onConflict((oc) => oc.doNothing()).execute();
    return expertId;
  }

  async #resolveTerm(kind: TermKind, lang: string, term: { slug: string; name: string }, index: number, partners: string[]): Promise<string> {
    const db = this.db;
    const known = await db
      .selectFrom('term_names')
      .innerJoin('terms', 'terms.id', 'term_names.term_id')
      .select(['term_names.term_id', 'terms.kind'])
      .where('term_names.lang', '=', lang)
      .where('term_names.slug', '=', term.slug)
      .executeTakeFirst();
    if (known) {
      if (known.kind !== kind && kind !== 'country') {
        throw new MizanError('term-kind', `"${term.name}" (${term.slug}) is already a ${known.kind}, not a ${kind}`);
      }
      return known.term_id;
    }
    let termId: string | undefined;
    if (kind === 'country') termId = `country-${term.slug}`;
    else if (partners.length) {
      const candidates = await db
        .selectFrom('article_terms')
        .innerJoin('terms', 'terms.id', 'article_terms.term_id')
        .select(['terms.id', 'article_terms.article_id', 'article_terms.position'])
        .where('article_terms.article_id', 'in', partners)
        .where('terms.kind', '=', kind)
        .orderBy('article_terms.position')
        .execute();
      const candidate = candidates.filter((c) => c.article_id === candidates[0]?.article_id)[index];
      if (candidate) {
        const taken = await db.selectFrom('term_names').select('slug').where('term_id', '=', candidate.id).where('lang', '=', lang).executeTakeFirst();
        if (!taken) termId = candidate.id;
      }
    }
    termId ??= shortId('term', kind, lang, term.slug);
    await db.insertInto('terms').values({ id: termId, kind }).onConflict((oc) => oc.doNothing()).execute();
    await db.insertInto('term_names').values({ term_id: termId, lang, slug: term.slug, name: term.name }).execute();
    if (kind !== 'country') {
      const path = termPath(lang, term.slug);
      const claim = await db.selectFrom('paths').select(['kind', 'redirect_to']).where('path', '=', path).executeTakeFirst();
      if (claim && !claim.redirect_to && claim.kind !== 'term') {
        throw new MizanError('path-taken', `the ${kind} "${term.name}" wants the path ${path}, which already belongs to an ${claim.kind}`);
      }
      if (!claim) await db.insertInto('paths').values({ path, kind: 'term', ref_id: termId, lang, redirect_to: null }).execute();
    }
    return termId;
  }

  async #bumpVersion(): Promise<void> {
    const db = this.db;
    const updated = await db
      .updateTable('meta')
      .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` })
      .where('key', '=', 'content_version')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await db.insertInto('meta').values({ key: 'content_version', value: '1' }).onConflict((oc) => oc.doNothing()).execute();
    }
  }

  async recordChange(tags: readonly string[]): Promise<number> {
    await this.#bumpVersion();
    const unique = [...new Set(tags)].sort();
    const row = await this.db
      .insertInto('content_changes')
      .values({ at: nowIso(), tags: JSON.stringify(unique.length ? unique : ['*']) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    // Delivered when the transaction commits, never for one rolled back.
    // The channel is per schema, so stores in other schemas of the database are not woken.
    if (this.engine === 'postgres') await sql`select pg_notify(${CHANGE_CHANNEL} || ':' || current_schema(), ${String(id)})`.execute(this.db);
    // Keep about a day of changes: enough for any server to catch up after a lost connection.
    if (id % 500 === 0) {
      const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
      await this.db.deleteFrom('content_changes').where('at', '<', dayAgo).where('id', '<', id - 1000).execute();
    }
    return id;
  }

  async changeTags(articleId: string): Promise<string[]> {
    const db = this.db;
    const tags = [`article:${articleId}`];
    const article = await db.selectFrom('articles').select(['lang', 'path']).where('id', '=', articleId).executeTakeFirst();
    if (!article) return tags;
    tags.push(`list:${article.lang}`);
    const [terms, authors, outgoing, incoming] = await Promise.all([
      db.selectFrom('article_terms').select('term_id').where('article_id', '=', articleId).execute(),
      db.selectFrom('article_authors').select('expert_id').where('article_id', '=', articleId).execute(),
      db
        .selectFrom('article_translations as t')
        .innerJoin('paths as p', 'p.path', 't.path')
        .select('p.ref_id')
        .where('t.article_id', '=', articleId)
        .where('p.kind', '=', 'article')
        .execute(),
      db.selectFrom('article_translations').select('article_id').where('path', '=', article.path).execute(),
    ]);
    for (const t of terms) tags.push(`term:${t.term_id}`);
    for (const a of authors) tags.push(`expert:${a.expert_id}`);
    for (const t of outgoing) tags.push(`article:${t.ref_id}`);
    for (const t of incoming) tags.push(`article:${t.article_id}`);
    return tags;
  }

  async latestChangeId(): Promise<number> {
    const row = await this.db.selectFrom('content_changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  async changesSince(afterId: number, limit = 1000): Promise<ContentChange[]> {
    const rows = await this.db.selectFrom('content_changes').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ id: Number(r.id), at: r.at, tags: JSON.parse(r.tags) as string[] }));
  }

  /** A number that changes whenever content changes: the key for caches of rendered pages. */
  async contentVersion(): Promise<number> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'content_version').executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async #withExists(doc: Article): Promise<Article> {
    if (doc.translations.length === 0) return doc;
    const present = new Set<string>();
    for (const part of chunksOf(doc.translations.map((t) => t.path))) {
      for (const r of await this.db.selectFrom('articles').select('path').where('path', 'in', part).execute()) present.add(r.path);
    }
    return { ...doc, translations: doc.translations.map((t) => ({ ...t, exists: present.has(t.path) })) };
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const row = await this.db.selectFrom('articles').select('doc').where('id', '=', id).executeTakeFirst();
    return row ? this.#withExists(JSON.parse(row.doc) as Article) : undefined;
  }

  async getArticleByPath(path: string): Promise<Article | undefined> {
    const row = await this.db.selectFrom('articles').select('doc').where('path', '=', path).executeTakeFirst();
    return row ? this.#withExists(JSON.parse(row.doc) as Article) : undefined;
  }

  async listArticles(query: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    const limit = Math.min(Math.max(query.limit ?? 20, 0), MAX_PAGE);
    const offset = Math.max(query.offset ?? 0, 0);
    let base = this.db.selectFrom('articles').where('status', '=', query.status ?? 'published');
    if (query.lang) base = base.where('lang', '=', query.lang);
    // Static pages are not publications: listed only when asked for by type.
    base = query.type ? base.where('type', '=', query.type) : base.where('type', '!=', 'page');
    if (query.termId) {
      const termId = query.termId;
      base = base.where('id', 'in', (eb) => eb.selectFrom('article_terms').select('article_id').where('term_id', '=', termId));
    }
    if (query.expertId) {
      const expertId = query.expertId;
      base = base.where('id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('expert_id', '=', expertId));
    }
    if (query.series) base = query.series.length ? base.where('series_name', 'in', query.series) : base.where(sql<boolean>`1 = 0`);
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const direction = query.order === 'oldest' ? 'asc' : 'desc';
    const ordered = <Q extends { orderBy: (...a: any[]) => Q }>(q: Q): Q =>
      q.orderBy(sql`case when published is null then 1 else 0 end`).orderBy('published', direction).orderBy('id');
    // The page's ids first (from the listing index, no document read), then only their documents:
    // sorting whole documents to keep twenty was most of a listing's time.
    const page = ordered(base.select('id')).limit(limit).offset(offset);
    const rows = await ordered(
      this.db
        .selectFrom('articles')
        .select(summarySelection(this.engine))
        .where('id', 'in', page),
    ).execute();
    return {
      total: Number(count.n),
      items: rows.map(summaryOfRow),
    };
  }

  async *allArticles(opts: { status?: string } = {}): AsyncIterable<Article> {
    // Slices of ALL_ARTICLES_SLICE: inside a transaction on PostgreSQL each read waits in line behind the
    // writes of the caller's previous batch (a reindex), so fewer, larger reads keep Node busy.
    let after = '';
    for (;;) {
      let q = this.db.selectFrom('articles').select(['id', 'doc']).where('id', '>', after);
      if (opts.status) q = q.where('status', '=', opts.status);
      const rows = await q.orderBy('id').limit(ALL_ARTICLES_SLICE).execute();
      if (rows.length === 0) return;
      // Which translations exist, for the whole slice in one query rather than one an article.
      const docs = rows.map((r) => JSON.parse(r.doc) as Article);
      const present = new Set<string>();
      for (const part of chunksOf([...new Set(docs.flatMap((d) => d.translations.map((t) => t.path)))])) {
        for (const r of await this.db.selectFrom('articles').select('path').where('path', 'in', part).execute()) present.add(r.path);
      }
      for (const doc of docs) yield doc.translations.length === 0 ? doc : { ...doc, translations: doc.translations.map((t) => ({ ...t, exists: present.has(t.path) })) };
      after = rows[rows.length - 1].id;
    }
  }

  async countArticles(): Promise<number> {
    const r = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async deleteArticle(id: string): Promise<boolean> {
    return this.transaction(async (tx) => {
      const db = (tx as SqlStore).db;
      const touched = await tx.changeTags(id);
      const gone = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) return false;
      await db.deleteFrom('paths').where('kind', '=', 'article').where('ref_id', '=', id).execute();
      await tx.recordChange(touched);
      return true;
    });
  }

  // ---- paths -------------------------------------------------------------------------------------

  async resolvePath(path: string): Promise<PathTarget | undefined> {
    let current = path;
    for (let hop = 0; hop < 8; hop++) {
      const row = await this.db.selectFrom('paths').selectAll().where('path', '=', current).executeTakeFirst();
      if (!row) return undefined;
      if (!row.redirect_to) return { kind: row.kind as PathTarget['kind'], id: row.ref_id, lang: row.lang, canonical: row.path };
      current = row.redirect_to;
    }
    return undefined;
  }

  async addAlias(from: string, to: string): Promise<void> {
    const target = await this.resolvePath(to);
    if (!target) throw new MizanError('not-found', `cannot make ${from} an alias: nothing is at ${to}`, { status: 404 });
    if (from === target.canonical) return;
    const existing = await this.db.selectFrom('paths').select('redirect_to').where('path', '=', from).executeTakeFirst();
    if (existing && !existing.redirect_to) throw new MizanError('path-taken', `${from} is a current path, not free for an alias`);
    await this.db
      .insertInto('paths')
      .values({ path: from, kind: target.kind, ref_id: target.id, lang: target.lang, redirect_to: target.canonical })
      .onConflict((oc) => oc.column('path').doUpdateSet({ redirect_to: target.canonical, ref_id: target.id, kind: target.kind, lang: target.lang }))
      .execute();
    // A path now redirects: pages that link or resolve it anywhere may change.
    await this.recordChange(['*']);
  }

  // ---- experts and terms ---------------------------------------------------------------------------

  async getExpert(id: string, lang: string): Promise<ExpertView | undefined> {
    const rows = await this.db.selectFrom('expert_names').selectAll().where('expert_id', '=', id).execute();
    const own = rows.find((r) => r.lang === lang);
    if (!own) return undefined;
    return {
      id,
      lang,
      slug: own.slug,
      name: own.name,
      title: own.title,
      bio: own.bio,
      path: expertPath(lang, own.slug),
      alternates: rows.filter((r) => r.lang !== lang).map((r) => ({ lang: r.lang, path: expertPath(r.lang, r.slug), name: r.name })),
    };
  }

  async listExperts(lang: string): Promise<ExpertView[]> {
    const rows = await this.db.selectFrom('expert_names').select('expert_id').where('lang', '=', lang).orderBy('name').execute();
    const out: ExpertView[] = [];
    for (const r of rows) {
      const view = await this.getExpert(r.expert_id, lang);
      if (view) out.push(view);
    }
    return out;
  }

  async getTerm(id: string, lang: string): Promise<TermView | undefined> {
    const term = await this.db.selectFrom('terms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!term) return undefined;
    const rows = await this.db.selectFrom('term_names').selectAll().where('term_id', '=', id).execute();
    const own = rows.find((r) => r.lang === lang);
    if (!own) return undefined;
    return {
      id,
      kind: term.kind as TermKind,
      lang,
      slug: own.slug,
      name: own.name,
      path: termPath(lang, own.slug),
      alternates: rows.filter((r) => r.lang !== lang).map((r) => ({ lang: r.lang, path: termPath(r.lang, r.slug), name: r.name })),
    };
  }

  async listTerms(kind: TermKind, lang: string): Promise<TermView[]> {
    const rows = await this.db
      .selectFrom('term_names')
      .innerJoin('terms', 'terms.id', 'term_names.term_id')
      .select('term_names.term_id')
      .where('terms.kind', '=', kind)
      .where('term_names.lang', '=', lang)
      .orderBy('term_names.name')
      .execute();
    const out: TermView[] = [];
    for (const r of rows) {
      const view = await this.getTerm(r.term_id, lang);
      if (view) out.push(view);
    }
    return out;
  }
}
