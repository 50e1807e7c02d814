/**
 * @module The last step of every importer: fills what is derived (id, direction, type label, paths,
 * sources) and validates the result against the Article schema, so every format yields the same shape.
 */
import { FieldError, MizanError } from '../lib/index.ts';
import {
  ArticleSchema,
  fieldRuleOf,
  articleIdFor,
  countryPath,
  pagePathProblem,
  dirOf,
  expertPath,
  termPath,
  typeLabel,
  type Article,
  type ArticleImage,
  type Attachment,
  type ArticleType,
  type Block,
  type RelatedRef,
  type Series,
  type Source,
} from '../model/index.ts';
import { collectSources } from './collect-sources.ts';
import { checkBody, checkLists } from './limits.ts';

/** What an importer recovered; paths of authors and terms may be left out (derived from slug and language). */
export interface ArticleDraft {
  /** Kept as given by Article JSON (an exported article keeps the id it was first stored under); else derived from the path. */
  id?: string;
  lang: string;
  type?: ArticleType;
  series?: Series | null;
  title: string;
  summary?: string;
  published?: string | null;
  updated?: string | null;
  path: string;
  origin?: { file?: string | null; url?: string | null };
  authors?: { slug: string; name: string; title?: string | null; bio?: string; path?: string }[];
  translations?: { lang: string; path: string; exists?: boolean }[];
  body?: Block[];
  /** Given only by formats that carry their own list (Article JSON); otherwise derived from the body. */
  sources?: Source[];
  topics?: { slug: string; name: string; path?: string }[];
  regions?: { slug: string; name: string; path?: string }[];
  countries?: { code: string; name: string; path?: string }[];
  related?: Partial<RelatedRef>[];
  /** Its `src` may still name a file beside the page: the import stores it as media and rewrites it. */
  image?: ArticleImage | null;
  attachments?: Attachment[];
}

/**
 * Completes and validates a draft; a draft that is not an article throws a MizanError naming `file`.
 *
 * @example
 * finishArticle({ lang: 'en', title: 'T', path: '/policy-analysis/t' }, 'page.txt').dir // → 'ltr'
 */
export function finishArticle(draft: ArticleDraft, file: string, line?: number): Article {
  const lang = draft.lang;
  const type = draft.type ?? 'other';
  const body = draft.body ?? [];
  checkBody(body, file);
  checkLists({ authors: draft.authors, translations: draft.translations, topics: draft.topics, regions: draft.regions, countries: draft.countries, sources: draft.sources, related: draft.related }, file);
  const input = {
    id: draft.id ?? articleIdFor(draft.path),
    lang,
    dir: dirOf(lang),
    type,
    typeLabel: typeLabel(type, lang),
    series: draft.series ?? null,
    title: draft.title,
    summary: draft.summary ?? '',
    published: draft.published ?? null,
    updated: draft.updated ?? null,
    path: draft.path,
    origin: { file: draft.origin?.file ?? null, url: draft.origin?.url ?? null },
    authors: (draft.authors ?? []).map((a) => ({ slug: a.slug, name: a.name, title: a.title ?? null, bio: a.bio ?? '', path: a.path ?? expertPath(lang, a.slug) })),
    translations: (draft.translations ?? []).map((t) => ({ lang: t.lang, path: t.path, exists: t.exists ?? false })),
    body,
    sources: draft.sources ?? collectSources(body),
    topics: (draft.topics ?? []).map((t) => ({ slug: t.slug, name: t.name, path: t.path ?? termPath(lang, t.slug) })),
    regions: (draft.regions ?? []).map((t) => ({ slug: t.slug, name: t.name, path: t.path ?? termPath(lang, t.slug) })),
    countries: (draft.countries ?? []).map((c) => ({ code: c.code, name: c.name, path: c.path ?? countryPath(lang, c.code) })),
    related: draft.related ?? [],
    image: draft.image ?? null,
    attachments: draft.attachments ?? [],
  };
  if (type === 'page') {
    const problem = pagePathProblem(draft.path, lang);
    if (problem) throw new MizanError('bad-page-path', problem, { file, line, data: { detail: problem } });
  }
  const parsed = ArticleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || 'article';
    throw new FieldError('not-an-article', `not an article: ${where}: ${issue.message}`, { field: where, ...fieldRuleOf(issue) }, { file, line, cause: parsed.error });
  }
  return parsed.data;
}
