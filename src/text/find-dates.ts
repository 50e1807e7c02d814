/**
 * @module `findDates`: every date expression in running text, Arabic or English, with offsets into the
 * original. Matching runs on the folded text (`foldWithOffsets`), so harakat, hamza forms and
 * Arabic-Indic digits never hide a date. Yearless and relative expressions are resolved here too.
 */
import { foldWithOffsets } from './fold-with-offsets.ts';
import { urlSpans } from './url-spans.ts';
import { HIJRI_MONTHS, HIJRI_PATTERN, MONTH_NAMES, MONTH_PATTERN } from './months.ts';
import { fromIso, isValidDate, precisionOf, shift, toIso, firstDay, type CalendarDate, type DatePrecision, type FoundDate } from './calendar-date.ts';
import { hijriMonthEnd, hijriToGregorian } from './hijri.ts';

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
const YEAR_NOUN = '(?:عام|العام|سنه|السنه|لعام|لسنه)'; // لعام: للعام 2022 is ل + لعام
const Y4 = '(?:1[5-9]|20)\\d\\d';
/** Decade words (التسعينيات, الثمانينات) by their tens. */
const DECADE_WORDS: Record<string, number> = { عشرين: 20, ثلاثين: 30, اربعين: 40, خمسين: 50, ستين: 60, سبعين: 70, ثمانين: 80, تسعين: 90 };
const DECADE_EN: Record<string, number> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };
const CENTURY = '(?:\\s+(?:من\\s+)?(?<cent>القرن\\s+(?:الماضي|المنصرم|العشرين|الحالي|الحادي\\s+والعشرين|التاسع\\s+عشر)))?';

/** One pass over normalized text; branches are tried left to right at each position. */
const DATE_RE = new RegExp(
  // At a word start, optionally after a one-letter clitic (و ف ب ل): "وفي", "بأيار".
  '(?<=^|[^\\p{L}\\p{N}]|(?:^|[^\\p{L}\\p{N}])[وفبل])(?:' +
    // Hijri: ١٥ رمضان ١٤٤٤ هـ, رمضان 1444 هـ, 1444 هجريا, عام 1444 للهجرة.
    `(?:${YEAR_NOUN}\\s+)?(?:(?<hD>\\d{1,2})\\s+)?(?:(?<hM>${HIJRI_PATTERN})\\s+)?(?<hY>\\d{3,4})\\s*(?:ه|هجري|هجريا|هجريه|للهجره)(?![\\p{L}\\p{N}])` +
    // Numeric: 18/5/2023, 18.05.2023, 18-5-2023 (day first; an impossible month with a possible day swaps), 2023/5/18.
    `|(?<nD>\\d{1,2})\\s*(?<nS>[/.-])\\s*(?<nM>\\d{1,2})\\s*\\k<nS>\\s*(?<nY>\\d{4})(?![\\d/.-])` +
    `|(?<yY>\\d{4})/(?<yM>\\d{1,2})/(?<yD>\\d{1,2})(?![\\d/])` +
    // Year ranges: 2019-2021, بين عامي 2019 و2021, من 2019 إلى 2021, between 2019 and 2021.
    `|(?:بين|من|منذ|between|from)\\s+(?:(?:عامي|العامين|سنتي|${YEAR_NOUN}|the\\s+years)\\s+)?(?<rA>${Y4})\\s*(?:و|الي|حتي|and|to|until|through|[-–—])\\s*(?:${YEAR_NOUN}\\s+)?(?<rB>${Y4})(?![\\d/-])` +
    `|(?<rC>${Y4})\\s*[-–—]\\s*(?<rD>${Y4}|\\d\\d)(?![\\d/-])` +
    // Decades: التسعينيات, تسعينيات القرن الماضي, the 1990s, the '90s, the nineties.
    `|(?:ال)?(?<decW>عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(?:يات|ات)${CENTURY}` +
    `|(?:the\\s+)?(?<decN>${Y4.replace('\\d\\d', '\\d')}0)'?s` +
    `|(?:the\\s+)?'(?<decS>\\d)0s` +
    `|the\\s+(?<decE>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)` +
    `|(?<iso>(?<iY>\\d{4})-(?<iM>\\d{2})-(?<iD>\\d{2}))` +
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
const BEFORE_BARE_MONTH = /(?:^|[^\p{L}\p{N}])(?:[وف]?(?:في|خلال|منذ|حتي|بحلول|اواخر|اوايل|مطلع|منتصف|بدايه|نهايه|شهر|الي|من|بين)|in|since|during|by|until|early|late|mid|through|from|to|before|after|between|and|of)[\s-]*$/u;

interface Candidate {
  start: number; // in the folded text
  end: number;
  date?: CalendarDate; // explicit
  until?: CalendarDate;
  decade?: boolean;
  hijri?: string;
  yearless?: { month: number; day?: number };
  relative?: Relative;
}

function monthOf(name: string | undefined): { month: number; script: string; ambiguous: boolean } | null {
  if (name === undefined) return null;
  return MONTH_NAMES.get(name.replace(/\s+/g, ' ')) ?? null;
}

/** The century a decade word belongs to: named (القرن العشرين), "last" from the writing date, else the 1900s. */
function centuryOf(cent: string | undefined, ref: CalendarDate | null): number {
  const now = ref ? Math.floor(ref.year / 100) * 100 : 2000;
  if (!cent) return 1900;
  if (/الماضي|المنصرم/.test(cent)) return now - 100;
  if (/الحالي|الحادي/.test(cent)) return /الحادي/.test(cent) ? 2000 : now;
  return /التاسع/.test(cent) ? 1800 : 1900;
}

function hijriCandidate(g: Record<string, string | undefined>, start: number, end: number): Candidate | null {
  const year = Number(g.hY);
  const month = g.hM !== undefined ? HIJRI_MONTHS.get(g.hM.replace(/\s+/g, ' ')) : undefined;
  const day = g.hD !== undefined ? Number(g.hD) : undefined;
  if (day !== undefined && month === undefined) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month !== undefined && day !== undefined) {
    const iso = hijriToGregorian({ year, month, day });
    const d = iso ? fromIso(iso) : null;
    return d ? { start, end, date: d, hijri: `${year}-${pad(month)}-${pad(day)}` } : null;
  }
  const first = hijriToGregorian({ year, month: month ?? 1, day: 1 });
  const last = hijriMonthEnd(year, month ?? 12);
  if (!first || !last) return null;
  const [a, b] = [fromIso(first)!, fromIso(last)!];
  const hijri = month !== undefined ? `${year}-${pad(month)}` : String(year);
  // A Hijri month or year spans Gregorian ones: its first and last at the same precision.
  if (month !== undefined) return { start, end, date: { year: a.year, month: a.month }, until: { year: b.year, month: b.month }, hijri };
  return { start, end, date: { year: a.year }, until: { year: b.year }, hijri };
}

function candidateFrom(m: RegExpExecArray, folded: string, original: string, starts: Int32Array, ref: CalendarDate | null): Candidate | null {
  const g = m.groups!;
  const start = m.index;
  const end = m.index + m[0].length;
  if (g.hY !== undefined) return hijriCandidate(g, start, end);
  if (g.nY !== undefined || g.yY !== undefined) {
    let [day, month, year] = g.nY !== undefined ? [Number(g.nD), Number(g.nM), Number(g.nY)] : [Number(g.yD), Number(g.yM), Number(g.yY)];
    if (month > 12 && day <= 12) [day, month] = [month, day]; // 5/18/2023 can only be month first
    const d: CalendarDate = { year, month, day };
    return isValidDate(d) ? { start, end, date: d } : null;
  }
  const rangeA = g.rA ?? g.rC;
  if (rangeA !== undefined) {
    const from = Number(rangeA);
    let to = Number(g.rB ?? g.rD);
    if (to < 100) to = Math.floor(from / 100) * 100 + to; // 2019-21
    return to > from && to - from < 200 ? { start, end, date: { year: from }, until: { year: to } } : null;
  }
  if (g.decW !== undefined || g.decN !== undefined || g.decS !== undefined || g.decE !== undefined) {
    const year =
      g.decN !== undefined ? Number(g.decN) : g.decS !== undefined ? 1900 + Number(g.decS) * 10 : g.decE !== undefined ? 1900 + DECADE_EN[g.decE] : centuryOf(g.cent, ref) + DECADE_WORDS[g.decW!];
    return { start, end, date: { year }, until: { year: year + 9 }, decade: true };
  }
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
    const c = candidateFrom(m, folded, text, starts, ref);
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
    const found: FoundDate = { date: toIso(date), precision: c.decade ? 'decade' : precisionOf(date), start, end, text: text.slice(start, end), relative: !c.date };
    if (c.until) found.until = toIso(c.until);
    if (c.hijri) {
      found.calendar = 'hijri';
      found.hijri = c.hijri;
    }
    out.push(found);
  }
  return out;
}
