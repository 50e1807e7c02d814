/**
 * @module The site's path scheme, in one place: articles and taxonomy terms share
 * `/{lang prefix}/policy-analysis/{slug}`, experts live under `/experts/`, countries under `/countries/`.
 */
import { createHash } from 'node:crypto';
import { LANGS, langInfo } from './lang.ts';

/** `articlePath('ar', 'x')` → `'/ar/policy-analysis/x'`; `articlePath('en', 'x')` → `'/policy-analysis/x'`. */
export function articlePath(lang: string, slug: string): string {
  return `${langInfo(lang).prefix}/policy-analysis/${slug}`;
}

/** Topics and regions share the article namespace (their slugs are unique across both). */
export const termPath = articlePath;

/** `expertPath('ar', 'sabyna-hynbrj')` → `'/ar/experts/sabyna-hynbrj'`. */
export function expertPath(lang: string, slug: string): string {
  return `${langInfo(lang).prefix}/experts/${slug}`;
}

/** `countryPath('ar', 'DZ')` → `'/ar/countries/dz'`. */
export function countryPath(lang: string, code: string): string {
  return `${langInfo(lang).prefix}/countries/${code.toLowerCase()}`;
}

/** `relationPath('ar', 'RU', 'DZ')` → `'/ar/relations/dz-ru'` (the codes in alphabetical order). */
export function relationPath(lang: string, a: string, b: string): string {
  return `${langInfo(lang).prefix}/relations/${[a, b].map((c) => c.toLowerCase()).sort().join('-')}`;
}

/**
 * First path segments the site answers itself: a static page may not take them.
 */
export const RESERVED_SLUGS = new Set([
  'ar', 'en', 'admin', 'api', 'assets', 'policy-analysis', 'experts', 'topics', 'regions', 'countries', 'relations', 'search',
  'feed.xml', 'feed.atom', 'feed.json', 'sitemap.xml', 'robots.txt', 'favicon.ico', 'healthz', 'readyz', 'metrics', 'subscribe', 'media', 'cards',
]);

/**
 * Why `path` cannot be an article's address, or null when it can: one segment under `/policy-analysis/`
 * of a language the site publishes in, where the site serves articles (any other path answers 404
 * while the sitemap lists it).
 *
 * @example articlePathProblem('/ar/policy-analysis/x') // → null
 * @example articlePathProblem('/fr/policy-analysis/x') // → "'/fr/policy-analysis/x' is no address the site serves for an article (/policy-analysis/<slug>, /ar/policy-analysis/<slug>)"
 */
export function articlePathProblem(path: string): string | null {
  for (const { code } of Object.values(LANGS)) {
    const base = articlePath(code, '');
    if (path.startsWith(base) && /^[^/?#\s]+$/.test(path.slice(base.length)) && !hasDotSegment(path)) return null;
  }
  const served = Object.keys(LANGS).map((code) => articlePath(code, '<slug>'));
  return `'${path.slice(0, 120)}' is no address the site serves for an article (${served.join(', ')})`;
}

/** `pagePath('ar', 'about')` → `'/ar/about'`; `pagePath('en', 'about')` → `'/about'`. */
export function pagePath(lang: string, slug: string): string {
  return `${langInfo(lang).prefix}/${slug}`;
}

/**
 * Why `path` cannot be a static page's address in `lang`, or null when it can: one segment under the
 * language's prefix, not one the site answers itself.
 *
 * @example pagePathProblem('/ar/about', 'ar') // → null
 * @example pagePathProblem('/search', 'en') // → 'the address /search is the site's own'
 */
export function pagePathProblem(path: string, lang: string): string | null {
  const prefix = langInfo(lang).prefix;
  if (!path.startsWith(prefix + '/')) return `a page in ${lang} lives under ${prefix || '/'}, not at ${path}`;
  const slug = path.slice(prefix.length + 1);
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u.test(slug)) return `a page's address is one segment of letters, digits and dashes (/about), not ${path}`;
  if (RESERVED_SLUGS.has(slug.toLowerCase())) return `the address ${path} is the site's own`;
  return null;
}

/** Longest slug an expert or a term may have (a whole path is at most 2048 characters). */
const MAX_SLUG = 200;

/**
 * Whether `slug` can be the last segment of an expert's or a term's address: letters of any script
 * (with their marks), digits, `-` and `_`, starting with a letter or digit. `slugify` makes only such
 * slugs; the check keeps `../x`, `a/b`, `%2F` or spaces out of addresses that pages link to.
 *
 * @example isSlug('sabyna-hynbrj') // → true
 * @example isSlug('سابينا') // → true
 * @example isSlug('../../x') // → false
 */
export function isSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG && /^[\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*$/u.test(slug);
}

/**
 * Whether `path` has a `.` or `..` segment (also written `%2e`, or after a backslash), which a browser
 * resolves to some other address than the one written.
 *
 * @example hasDotSegment('/experts/../../x') // → true
 * @example hasDotSegment('/experts/a.b') // → false
 */
export function hasDotSegment(path: string): boolean {
  return /(^|[/\\])(?:\.|%2e){1,2}([/\\?#]|$)/i.test(path);
}

/** `homePath('ar')` → `'/ar/'`, `homePath('en')` → `'/'`. */
export function homePath(lang: string): string {
  return `${langInfo(lang).prefix}/`;
}

/** The last segment of a path: `slugOfPath('/ar/experts/x/')` → `'x'`. */
export function slugOfPath(path: string): string {
  const parts = path.split(/[?#]/)[0].split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

/**
 * A stable article id derived from the path it was first stored under, so an import's report
 * (even a dry run) names the id the article keeps: `articleIdFor('/ar/policy-analysis/x')` → 16 hex digits.
 */
export function articleIdFor(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}
