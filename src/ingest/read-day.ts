/**
 * @module The day a page gives for `published` or `updated`, as the site stores it (YYYY-MM-DD). An
 * ISO day is checked (a real calendar day in the years 1000–9999); any other writing goes through the
 * text layer's date reader (`18 May 2023`, `18 أيار/مايو 2023`, `١٥ رمضان ١٤٤٤ هـ`). A date that is
 * given but names no day is never dropped in silence: the authoring formats (Markdown, Article JSON)
 * refuse it, naming the field and the value; a page's own metadata (HTML) leaves it out with a warning.
 */
import { FieldError } from '../lib/index.ts';
import { isoDateProblem, type Warning } from '../model/index.ts';
import { parseDate } from '../text/index.ts';

export interface DayPlace {
  file: string;
  line?: number | null;
  /** Given: a bad date becomes a warning here and the day is left out; absent: a bad date throws. */
  warnings?: Warning[];
}

/** What `value` says, or why it says no day. */
function dayOf(value: unknown): { day: string } | { raw: string; problem: string } | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { raw: String(value), problem: 'is not a date' };
    return { day: value.toISOString().slice(0, 10) };
  }
  if (typeof value !== 'string' && typeof value !== 'number') return { raw: JSON.stringify(value)?.slice(0, 40) ?? String(value), problem: 'is not a date' };
  const raw = String(value).trim();
  if (raw === '') return null;
  // An ISO day, alone or with its time (HTML metadata and some writers add one).
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]\S*)?$/.exec(raw);
  if (iso) {
    const problem = isoDateProblem(iso[1]);
    return problem ? { raw, problem } : { day: iso[1] };
  }
  const parsed = parseDate(raw);
  if (!parsed) return { raw, problem: 'is not a date' };
  if (parsed.precision !== 'day' || parsed.until) return { raw, problem: 'is not one day' };
  const problem = isoDateProblem(parsed.date);
  return problem ? { raw, problem } : { day: parsed.date };
}

/**
 * The day `value` names, or null when none is given.
 *
 * @example readDay('2023-05-18', 'published', { file: 'a.md' }) // → '2023-05-18'
 * @example readDay('18 May 2023', 'published', { file: 'a.md' }) // → '2023-05-18'
 * @example readDay('2023-02-30', 'published', { file: 'a.md', line: 4 }) // throws FieldError "published: '2023-02-30' is not a real calendar date: write the day as YYYY-MM-DD"
 */
export function readDay(value: unknown, field: string, where: DayPlace): string | null {
  const read = dayOf(value);
  if (read === null) return null;
  if ('day' in read) return read.day;
  const said = `${field}: '${read.raw.slice(0, 60)}' ${read.problem}`;
  if (where.warnings) {
    where.warnings.push({ code: 'bad-date', file: where.file, line: where.line ?? null, message: `${said}: left out` });
    return null;
  }
  throw new FieldError('bad-date', `${said}: write the day as YYYY-MM-DD`, { field, rule: 'bad-date', value: read.raw }, { file: where.file, line: where.line ?? undefined });
}
