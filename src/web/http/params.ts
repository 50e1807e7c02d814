/**
 * @module Query parameters read strictly: a page number, a page size, an article type. Anything else
 * than what the site could have written is a 400, so bad links fail loudly instead of showing page 1.
 */
import { MizanError } from '../../lib/index.ts';
import { ARTICLE_TYPES, type ArticleType } from '../../model/index.ts';

const MAX_PAGE = 100_000;

/**
 * The `page` parameter: absent → 1; otherwise a whole number from 1.
 *
 * @example pageParam('3') // → 3
 * @example pageParam('0') // throws MizanError 'bad-page' (400)
 */
export function pageParam(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE) {
    throw new MizanError('bad-page', `page must be a whole number from 1 to ${MAX_PAGE}, not '${value.slice(0, 40)}'`, { status: 400 });
  }
  return Number(value);
}

/** The `limit` parameter of API lists: absent → `fallback`; otherwise 1 to `max`. */
export function limitParam(value: string | undefined, fallback = 20, max = 100): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new MizanError('bad-limit', `limit must be a whole number from 1 to ${max}, not '${value.slice(0, 40)}'`, { status: 400 });
  }
  return Number(value);
}

/** The `type` filter: absent → undefined; otherwise one of the article types. */
export function typeParam(value: string | undefined): ArticleType | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(ARTICLE_TYPES as readonly string[]).includes(value)) {
    throw new MizanError('bad-type', `type must be one of ${ARTICLE_TYPES.join(', ')}, not '${value.slice(0, 40)}'`, { status: 400 });
  }
  return value as ArticleType;
}
