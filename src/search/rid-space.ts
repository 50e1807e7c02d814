/**
 * @module Where an article's row id lies: ordered by publication date, so that FTS5 and the PostgreSQL
 * query, which both walk rids from the highest, meet the newest matches of a broad query first and can
 * stop early. Each day owns a range of DAY_SLOTS ids (undated articles day 0).
 */

/** Room for this many articles a publication day in the rid space (2^20). */
export const DAY_SLOTS = 1 << 20;
/** Days before 1970 that still get their own slot range (about 1902). */
const DAY_OFFSET = 25_000;
const MAX_DAY = 60_000;

/**
 * The first rid of the range of `published`'s day; the day's articles take the ids after it.
 *
 * @example dayBase('1970-01-02') // → 25001 * 2^20
 */
export function dayBase(published: string | null): number {
  const t = published ? Date.parse(published + 'T00:00:00Z') : NaN;
  const day = Number.isNaN(t) ? 0 : Math.min(MAX_DAY, Math.max(1, Math.floor(t / 86_400_000) + DAY_OFFSET));
  return day * DAY_SLOTS;
}

/** The rid after `top` (the day's highest in use, or its base), refused when the day's range is full. */
export function nextRid(published: string | null, top: number): number {
  if (top + 1 >= dayBase(published) + DAY_SLOTS) throw new Error(`more than ${DAY_SLOTS - 1} articles share the publication date ${published}`);
  return top + 1;
}
