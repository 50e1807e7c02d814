/**
 * @module `findDates`: every date expression in running text, Arabic or English, with offsets into the
 * original. Matching runs on the folded text (`foldWithOffsets`), so harakat, hamza forms and
 * Arabic-Indic digits never hide a date. Yearless and relative expressions are resolved here too.
 */
import { foldWithOffsets } from './fold-with-offsets.ts';
import { urlSpans } from './url-spans.ts';
import { MONTH_NAMES, MONTH_PATTERN } from './months.ts';
import { fromIso, isValidDate, precisionOf, shift, toIso, firstDay, type CalendarDate, type DatePrecision, type FoundDate } from './calendar-date.ts';

interface Relative {
  unit: DatePrecision;
  n: number;
  /** 'text': counted from the narrative (the nearest explicit date before); 'ref': from the writing date. */
  from: 'text' | 'ref';
}

/** Relative phrases, normalized. "التالي/following" continue the story; "الماضي/last" count from the writing date. */
const RELATIVE: Record<string, Relative> = {};
const rel = (phrases: string, unit: DatePrecision, n: number, from: 'text' | 'ref') => {
  for (const p of phrases.split('|')) RELATIVE[p] = { unit, n, from };
};
rel('الشهر التالي|الشهر اللاحق|الشهر الذي تلاه|الشهر الذي يليه|the following month|the next month|the month after', 'month', 1, 'text');
rel('الشهر السابق|الشهر الذي سبقه|the previous month|the preceding month|the month before', 'month', -1, 'text');
rel('ذلك الشهر|الشهر نفسه|نفس الشهر|that month|the same month', 'month', 0, 'text');
rel('العام التالي|العام اللاحق|العام الذي تلاه|السنه التاليه|the following year|the next year|the year after', 'year', 1, 'text');
rel('العام السابق|السنه السابقه|العام الذي سبقه|the previous year|the preceding year|the year before', 'year', -1, 'text');
rel('ذلك العام|العام نفسه|نفس العام|تلك السنه|that year|the same year', 'year', 0, 'text');
rel('اليوم التالي|the following day|the next day|the day after', 'day', 1, 'text');
rel('اليوم السابق|the previous day|the day before', 'day', -1, 'text');
rel('الشهر الماضي|الشهر المنصرم|last month', 'month', -1, 'ref');
rel('الشهر المقبل|الشهر القادم|next month', 'month', 1, 'ref');
rel('هذا الشهر|الشهر الحالي|الشهر الجاري|this month', 'month', 0, 'ref');
rel('العام الماضي|السنه الماضيه|العام المنصرم|last year', 'year', -1, 'ref');
rel('العام المقبل|العام القادم|السنه المقبله|السنه القادمه|next year', 'year', 1, 'ref');
rel('هذا العام|العام الحالي|العام الجاري|هذه السنه|السنه الحاليه|this year', 'year', 0, 'ref');
rel('امس|البارحه|yesterday', 'day', -1, 'ref');

const RELATIVE_PATTERN = Object.keys(RELATIVE).sort((a, b) => b.length - a.length).map((p) => p.replace(/ /g, '\\s+')).join('|');

const month = (x: string) => `(?<m${x}>${MONTH_PATTERN})\\.?(?:\\s*(?:/|\\()\\s*(?<p${x}>${MONTH_PATTERN})\\s*\\)?)?`;
const ORD = '(?:st|nd|rd|th)?';
const YEAR = '\\d{4}(?!\\s*ه(?![\\p{L}\\p{N}]))(?:\\s?م(?![\\p{L}\\p{N}]))?'; // never a Hijri year (هـ); a Gregorian م may follow
const YEAR_NOUN = '(?:عام|العام|سنه|السنه)';

/** One pass over normalized text; branches are tried left to right at each position. */
const DATE_RE = new RegExp(
  // At a word start, optionally after a one-letter clitic (و ف ب ل): "وفي", "بأيار".
  '(?<=^|[^\\p{L}\\p{N}]|(?:^|[^\\p{L}\\p{N}])[وفبل])(?:' +
    `(?<iso>(?<iY>\\d{4})-(?<iM>\\d{2})-(?<iD>\\d{2}))` +
    `|(?<dA>\\d{1,2})${ORD}\\s*(?:of\\s+|من\\s+)?${month('A')}(?:\\s*,?\\s*(?:من\\s+)?(?:${YEAR_NOUN}\\s+)?(?<yA>${YEAR}))?` +
    `|${month('B')}\\s+(?<dB>\\d{1,2})(?!\\d)${ORD}(?:(?:\\s*,\\s*|\\s+)(?<yB>${YEAR}))?` +
    `|${month('C')}(?:\\s*,?\\s*(?:من\\s+|of\\s+)?(?:${YEAR_NOUN}\\s+)?(?<yC>${YEAR}))?` +
    `|(?<rel>${RELATIVE_PATTERN})` +
    `|(?<noun>${YEAR_NOUN})\\s+(?<yN>${YEAR})` +
    `|(?<prep>in|since|during|by|until|from|before|after|في|منذ|خلال|حتي|قبل|بعد)\\s+(?<yP>(?:19|20)\\d\\d)(?![\\d/-])` +
  ')(?![\\p{L}\\p{N}])',
  'gu',
);

/** Words after which a bare month name is a date ("في أيار", "since March"). */
const BEFORE_BARE_MONTH = /(?:^|[^\p{L}\p{N}])(?:[وف]?(?:في|خلال|منذ|حتي|بحلول|اواخر|اواءل|اوايل|مطلع|منتصف|بدايه|نهايه|شهر|الي|من|بين)|in|since|during|by|until|early|late|mid|through|from|to|before|after|between|and|of)[\s-]*$/u;

interface Candidate {
  start: number; // in the folded text
  end: number;
  date?: CalendarDate; // explicit
  yearless?: { month: number; day?: number };
  relative?: Relative;
}

function monthOf(name: string | undefined): { month: number; script: string; ambiguous: boolean } | null {
  if (name === undefined) return null;
  return MONTH_NAMES.get(name.replace(/\s+/g, ' ')) ?? null;
}

function candidateFrom(m: RegExpExecArray, folded: string, original: string, starts: Int32Array): Candidate | null {
  const g = m.groups!;
  const start = m.index;
  const end = m.index + m[0].length;
  if (g.iso) {
    const d = fromIso(`${g.iY}-${g.iM}-${g.iD}`);
    return d ? { start, end, date: d } : null;
  }
  if (g.rel) return { start, end, relative: RELATIVE[g.rel.replace(/\s+/g, ' ')] };
  if (g.yN || g.yP) {
    const year = Number(g.yN ?? g.yP);
    const at = g.yN ? start : end - m[0].length + m[0].lastIndexOf(g.yP!);
    return isValidDate({ year }) ? { start: at, end, date: { year } } : null;
  }
  const x = g.mA !== undefined ? 'A' : g.mB !== undefined ? 'B' : 'C';
  const first = monthOf(g[`m${x}`]);
  const pair = monthOf(g[`p${x}`]);
  if (!first || (g[`p${x}`] !== undefined && (!pair || pair.month !== first.month))) return null;
  const day = g[`d${x}`] !== undefined ? Number(g[`d${x}`]) : undefined;
  const yearText = g[`y${x}`];
  const year = yearText !== undefined ? Number(yearText.slice(0, 4)) : undefined;
  if (day === undefined && year === undefined) {
    // A bare month name is a date only when it reads as one: paired, or after "في", "in", …
    if (!pair && ((first.ambiguous && first.script === 'ar') || !BEFORE_BARE_MONTH.test(folded.slice(Math.max(0, start - 20), start)))) return null;
    if (first.script === 'en') {
      const c = original[starts[start]]; // English month names are capitalized ("may" is a verb)
      if (c === undefined || c !== c.toUpperCase()) return null;
    }
  }
  if (year === undefined) {
    if (day !== undefined && (day < 1 || day > 31)) return null;
    return { start, end, yearless: { month: first.month, day } };
  }
  const date: CalendarDate = { year, month: first.month, day };
  return isValidDate(date) ? { start, end, date } : null;
}

/**
 * Every date expression in `text`. Yearless and relative ones are resolved against the nearest explicit
 * date before them (or, for "last year"-style phrases that count from the writing date, against `opts.ref`
 * first); with `opts.ref`, a resolved date never falls after it (a yearless month goes to the previous year,
 * other resolved dates that would are dropped, unless `opts.allowAfterRef`). Expressions inside URLs are ignored.
 * @example findDates('وفي تشرين الأول/أكتوبر 2022 … في الشهر التالي').map((d) => d.date) // → ['2022-10', '2022-11']
 */
export function findDates(text: string, opts: { ref?: string; allowAfterRef?: boolean } = {}): FoundDate[] {
  const ref = opts.ref !== undefined ? fromIso(opts.ref) : null;
  const { text: folded, starts, ends } = foldWithOffsets(text);
  const inUrl = urlSpans(folded);
  const out: FoundDate[] = [];
  let anchor: CalendarDate | null = null;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(folded); m; m = DATE_RE.exec(folded)) {
    if (inUrl(m.index)) continue;
    const c = candidateFrom(m, folded, text, starts);
    if (!c) continue;
    let date: CalendarDate | null = null;
    if (c.date) {
      date = c.date;
      anchor = date;
    } else if (c.yearless) {
      const base = anchor ?? ref;
      if (!base) continue;
      date = { year: base.year, month: c.yearless.month, day: c.yearless.day };
      if (ref && firstDay(date) > firstDay(ref)) date.year--;
      if (!isValidDate(date)) continue;
    } else if (c.relative) {
      const base = c.relative.from === 'ref' ? ref ?? anchor : anchor ?? ref;
      if (!base) continue;
      const unit = c.relative.unit;
      const truncated: CalendarDate = unit === 'year' ? { year: base.year } : unit === 'month' ? { year: base.year, month: base.month } : base;
      date = shift(truncated, unit, c.relative.n);
      if (!date || !isValidDate(date) || precisionOf(date) !== unit) continue;
      if (ref && !opts.allowAfterRef && firstDay(date) > firstDay(ref)) continue;
    }
    if (!date) continue;
    const start = starts[c.start];
    const end = ends[c.end - 1];
    out.push({ date: toIso(date), precision: precisionOf(date), start, end, text: text.slice(start, end), relative: !c.date });
  }
  return out;
}
