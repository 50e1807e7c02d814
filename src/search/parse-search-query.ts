/**
 * @module The boundary of search: request parameters (from a URL, the CLI or a caller) validated with
 * zod into a `SearchQuery`. Anything wrong is a MizanError with status 400 naming the parameter.
 */
import { z } from 'zod';
import { ARTICLE_TYPES, isLang, LANGS } from '../model/index.ts';
import { MizanError } from '../lib/index.ts';
import type { SearchQuery } from './types.ts';

/** Longer queries are refused: no reader types them, and they only cost time. */
export const MAX_QUERY_CHARS = 500;
export const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE = 1000;

const one = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
const blankToUndefined = (v: unknown) => {
  const x = one(v);
  return typeof x === 'string' && x.trim() === '' ? undefined : typeof x === 'string' ? x.trim() : x;
};
const opt = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY-MM-DD (or YYYY-MM, or YYYY)')
  .refine((s) => !Number.isNaN(Date.parse(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s)), 'a real date');

const ParamsSchema = z.object({
  q: z.preprocess((v) => (one(v) ?? '') as unknown, z.string().max(MAX_QUERY_CHARS, `the query is too long (at most ${MAX_QUERY_CHARS} characters)`)),
  // The same rule as every other route's `lang`: a language the site publishes in (model/lang.ts).
  lang: opt(z.string().refine(isLang, { message: `one of ${Object.keys(LANGS).join(', ')}` })),
  type: opt(z.enum(ARTICLE_TYPES, { message: `one of ${ARTICLE_TYPES.join(', ')}` })),
  topic: opt(z.string().max(200)),
  region: opt(z.string().max(200)),
  country: opt(z.string().regex(/^[A-Za-z]{2}$/, 'a two-letter country code such as DZ').transform((s) => s.toUpperCase())),
  expert: opt(z.string().max(200)),
  year: opt(z.coerce.number({ message: 'a year such as 2023' }).int('a year such as 2023').min(1000).max(9999)),
  from: opt(isoDate),
  to: opt(isoDate),
  sort: opt(z.enum(['relevance', 'date'], { message: 'relevance or date' })),
  page: opt(z.coerce.number({ message: 'a page number from 1' }).int('a page number from 1').min(1, 'a page number from 1').max(MAX_PAGE)),
  size: opt(z.coerce.number({ message: 'a page size from 1 to 100' }).int().min(1).max(100)),
  ui: opt(z.string().regex(/^[a-z]{2,3}$/)),
  verbatim: opt(z.enum(['1', 'true', '0', 'false'], { message: '1 or 0' })),
});

/** A date bound filled out to a full day: `from=2023` → 2023-01-01, `to=2023-05` → 2023-05-31. */
function bound(s: string | undefined, end: boolean): string | undefined {
  if (!s) return undefined;
  if (s.length === 10) return s;
  if (s.length === 4) return end ? `${s}-12-31` : `${s}-01-01`;
  if (!end) return `${s}-01`;
  const [y, m] = s.split('-').map(Number);
  return `${s}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * Validates search parameters (a URL's query, as an object; repeated parameters take the last value).
 *
 * @example
 * parseSearchQuery({ q: 'الجزائر', lang: 'ar', page: '2' })
 * // → { q: 'الجزائر', lang: 'ar', sort: 'relevance', page: 2, pageSize: 10 }
 * parseSearchQuery({ q: 'x', page: '0' }) // throws MizanError 400 "page: a page number from 1"
 */
export function parseSearchQuery(params: Record<string, unknown>): SearchQuery {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join('.') || 'query';
    throw new MizanError('bad-search', `${name}: ${issue.message}`, { status: 400, cause: parsed.error });
  }
  const p = parsed.data;
  const from = bound(p.from, false);
  const to = bound(p.to, true);
  if (from && to && from > to) throw new MizanError('bad-search', `from (${from}) is after to (${to})`, { status: 400 });
  const query: SearchQuery = { q: p.q.trim(), sort: p.sort ?? 'relevance', page: p.page ?? 1, pageSize: p.size ?? DEFAULT_PAGE_SIZE };
  if (p.verbatim === '1' || p.verbatim === 'true') query.verbatim = true;
  for (const key of ['lang', 'type', 'topic', 'region', 'country', 'expert', 'year', 'ui'] as const) {
    if (p[key] !== undefined) (query as unknown as Record<string, unknown>)[key] = p[key];
  }
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}
