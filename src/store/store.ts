/**
 * @module The Store interface: everything the rest of Mizan may ask of the database. One interface,
 * two engines (SQLite by default, PostgreSQL when DATABASE_URL is set); engine-specific SQL lives only
 * in `dialects/`. Every method is one statement or one transaction: callers never see half a write.
 */
import type { Kysely } from 'kysely';
import type { Article, ArticleImage, ArticleType, ExpertName, Series, TermKind } from '../model/index.ts';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

/** What `putArticle` did. `unchanged` means the stored article already equalled the given one. */
export type PutStatus = 'created' | 'updated' | 'unchanged';

export interface PutResult {
  id: string;
  status: PutStatus;
}

/** A line of a listing: enough to render a teaser, never the body. */
export interface ArticleSummary {
  id: string;
  lang: string;
  type: ArticleType;
  typeLabel: string;
  series: Series | null;
  title: string;
  summary: string;
  published: string | null;
  path: string;
  authors: { name: string; path: string }[];
  /** The article's image, for teasers and feeds. */
  image?: ArticleImage | null;
}

export interface ArticleQuery {
  lang?: string;
  type?: ArticleType;
  /** Articles tagged with this term (topic, region or country) id. */
  termId?: string;
  /** Articles written by this expert id. */
  expertId?: string;
  /** Articles of these series names (as the articles carry them: PolicyWatch, المرصد السياسي). */
  series?: string[];
  /** Workflow state; the public site lists only 'published' (the default). */
  status?: string;
  /** Newest first (the default), or oldest first. */
  order?: 'newest' | 'oldest';
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/** Where a site path leads. `canonical` differs from the asked path when it is a former path (answer 301). */
export interface PathTarget {
  kind: 'article' | 'term' | 'expert';
  id: string;
  lang: string;
  canonical: string;
}

/** An expert as one language shows them, with the other languages' pages. */
export interface ExpertView extends ExpertName {
  id: string;
  /** The same expert's page in other languages. */
  alternates: { lang: string; path: string; name: string }[];
}

export interface TermView {
  id: string;
  kind: TermKind;
  lang: string;
  slug: string;
  name: string;
  path: string;
  alternates: { lang: string; path: string; name: string }[];
}

export interface Store {
  readonly engine: Engine;
  /** The Kysely instance, for modules that keep their own tables (search index, knowledge, accounts). */
  readonly db: Kysely<Database>;

  /**
   * Runs `fn` in one transaction; the store handed to `fn` writes inside it. Nested calls join the outer
   * one. On SQLite it begins IMMEDIATE (as a writer); a transaction that meets another writer is rolled
   * back and run again after a pause (`retry.ts`), so `fn` must do nothing outside the database that a
   * second run would repeat.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  /** Creates or updates the article at `article.path` (its id is kept on update), with its experts, terms and paths. */
  putArticle(article: Article): Promise<PutResult>;
  getArticle(id: string): Promise<Article | undefined>;
  getArticleByPath(path: string): Promise<Article | undefined>;
  listArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>>;
  /** Every stored article in id order, for export; `{ status: 'published' }` for what readers may see (reindexing). */
  allArticles(opts?: { status?: string }): AsyncIterable<Article>;
  countArticles(): Promise<number>;
  /** A number that changes whenever content changes: the key for caches of rendered pages and feeds. */
  contentVersion(): Promise<number>;
  /**
   * Records a content change touching `tags` (`article:<id>`, `term:<id>`, `expert:<id>`, `list:<lang>`, or
   * `*`) in the change log, moves the content version, and (PostgreSQL) notifies every listening server
   * when the transaction commits. Returns the change's id.
   */
  recordChange(tags: readonly string[]): Promise<number>;
  /** The cache tags a change to this article touches: itself, its translations both ways, its terms and experts, its language's lists. */
  changeTags(articleId: string): Promise<string[]>;
  /** The id of the newest change-log row (0 when there is none). */
  latestChangeId(): Promise<number>;
  /** Change-log rows after `afterId`, oldest first (at most `limit`). */
  changesSince(afterId: number, limit?: number): Promise<ContentChange[]>;
  /** Deletes an article; its paths stop resolving. Returns false when there was none. */
  deleteArticle(id: string): Promise<boolean>;

  /** Resolves a site path (articles, terms, experts, and their former paths). */
  resolvePath(path: string): Promise<PathTarget | undefined>;
  /** Records `from` as a former path of whatever `to` leads to (answered with a 301). */
  addAlias(from: string, to: string): Promise<void>;

  getExpert(id: string, lang: string): Promise<ExpertView | undefined>;
  listExperts(lang: string): Promise<ExpertView[]>;
  getTerm(id: string, lang: string): Promise<TermView | undefined>;
  listTerms(kind: TermKind, lang: string): Promise<TermView[]>;
}

/** One row of the change log. */
export interface ContentChange {
  id: number;
  at: string;
  tags: string[];
}
