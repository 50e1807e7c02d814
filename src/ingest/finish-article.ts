/**
 * @module The last step of every importer: fills what is derived (id, direction, type label, paths,
 * sources) and validates the result against the Article schema, so every format yields the same shape.
 */
import { FieldError, MizanError } from '../lib/index.ts';
import {
  ArticleSchema,
  articlePathProblem,
  fieldName,
  fieldRuleOf,
  articleIdFor,
  countryPath,
  pagePathProblem,
  dirOf,
  expertPath,
  hasDotSegment,
  isLang,
  isSlug,
  LANGS,
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
  type Warning,
} from '../model/index.ts';
import { slugify } from '../text/index.ts';
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

/** Where a draft came from, for what `finishArticle` reports. */
export interface FinishPlace {
  /** The line errors about the article as a whole point to (a scraped page's title line). */
  line?: number;
  /** The line of each top-level field, where the format knows it (front matter): `{ lang: 3 }`. */
  lines?: Record<string, number>;
  /** Receives a warning for each value that was mended (a slug made again from its name). */
  warnings: Warning[];
}

/** A name's text without markup, to make a slug from (the name itself is sanitized on the way in). */
function plainName(name: string): string {
  return name.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ');
}

type Ref = { slug: string; name: string; path?: string };

/**
 * Authors, topics or regions with a valid slug and a path each. A slug that is no slug (`../../x`, `a b`)
 * is made again from the name, as a missing one is, with a warning naming the field; a given path with
 * a `.` or `..` segment is replaced by the one the slug gives. A name that gives no slug is refused.
 */
function checkedRefs<T extends Ref>(field: 'authors' | 'topics' | 'regions', refs: T[], lang: string, file: string, place: FinishPlace, pathOf: (lang: string, slug: string) => string): (T & { path: string })[] {
  const line = place.lines?.[field] ?? place.line ?? null;
  const warn = (code: string, message: string) => place.warnings.push({ code, file, line, message });
  return refs.map((ref, i) => {
    const at = `${field}[${i}]`;
    let { slug, path } = ref;
    if (!isSlug(slug)) {
      const made = slugify(plainName(ref.name));
      const given = slug === '' ? 'no slug is given' : `'${slug.slice(0, 80)}' is not a slug (letters, digits, - and _)`;
      if (!made) {
        throw new FieldError('bad-slug', `${at}.slug: ${given}, and the name '${ref.name.slice(0, 80)}' gives none: give a slug`, { field: `${field}.${i}.slug`, rule: 'bad-format', value: slug }, { file, line: line ?? undefined });
      }
      if (slug !== '') warn('bad-slug', `${at}.slug: ${given}: made '${made}' from the name${path === undefined ? '' : ', and the address from it'}`);
      slug = made;
      path = undefined;
    }
    if (path !== undefined && hasDotSegment(path)) {
      warn('bad-path', `${at}.path: '${path.slice(0, 80)}' has a . or .. segment: made ${pathOf(lang, slug)} from the slug`);
      path = undefined;
    }
    return { ...ref, slug, path: path ?? pathOf(lang, slug) };
  });
}

/**
 * Completes and validates a draft; a draft that is not an article throws a MizanError naming `file`.
 *
 * @example
 * finishArticle({ lang: 'en', title: 'T', path: '/policy-analysis/t' }, 'page.txt', { warnings: [] }).dir // → 'ltr'
 */
export function finishArticle(draft: ArticleDraft, file: string, place: FinishPlace): Article {
  const { line } = place;
  const lang = draft.lang;
  if (!isLang(lang)) {
    const allowed = Object.keys(LANGS);
    throw new FieldError('unknown-lang', `lang: unknown language '${lang.slice(0, 40)}': the site publishes in ${allowed.join(', ')}`, { field: 'lang', rule: 'not-allowed', value: lang, allowed }, { file, line: place.lines?.lang ?? line });
  }
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
    authors: checkedRefs('authors', draft.authors ?? [], lang, file, place, expertPath).map((a) => ({ slug: a.slug, name: a.name, title: a.title ?? null, bio: a.bio ?? '', path: a.path })),
    translations: (draft.translations ?? []).map((t) => ({ lang: t.lang, path: t.path, exists: t.exists ?? false })),
    body,
    sources: draft.sources ?? collectSources(body),
    topics: checkedRefs('topics', draft.topics ?? [], lang, file, place, termPath).map((t) => ({ slug: t.slug, name: t.name, path: t.path })),
    regions: checkedRefs('regions', draft.regions ?? [], lang, file, place, termPath).map((t) => ({ slug: t.slug, name: t.name, path: t.path })),
    countries: (draft.countries ?? []).map((c) => ({ code: c.code, name: c.name, path: c.path ?? countryPath(lang, c.code) })),
    related: draft.related ?? [],
    image: draft.image ?? null,
    attachments: draft.attachments ?? [],
  };
  if (type === 'page') {
    const problem = pagePathProblem(draft.path, lang);
    if (problem) throw new MizanError('bad-page-path', problem, { file, line, data: { detail: problem } });
  } else {
    const problem = articlePathProblem(draft.path);
    if (problem) throw new FieldError('bad-path', `path: ${problem}`, { field: 'path', rule: 'bad-format', value: draft.path }, { file, line: place.lines?.path ?? line });
  }
  const parsed = ArticleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || 'article';
    const top = String(issue.path[0] ?? '');
    throw new FieldError('not-an-article', `not an article: ${fieldName(issue.path)}: ${issue.message}`, { field: where, ...fieldRuleOf(issue) }, { file, line: place.lines?.[top] ?? line, cause: parsed.error });
  }
  return parsed.data;
}
