/**
 * @module Dated events: a sentence that holds a date expression (any precision) and at least one actor.
 * Dates are found over the whole body at once, so yearless and relative ones (في الشهر التالي) resolve
 * against the nearest explicit date before them, else the article's date; an event is never dated after
 * its article. Several dates in one sentence give one event each, over the clause that holds the date.
 */
import { findDates, normalize, parseDate, type FoundDate } from '../text/index.ts';
import type { Event, Mention, Precision } from './entity.ts';
import type { Gazetteer } from './gazetteer.ts';
import { entityKey } from './gazetteer.ts';
import { sentences, type Span } from './sentences.ts';
import type { BlockText } from './article-text.ts';

export interface ReadBlock extends BlockText {
  mentions: Mention[];
}

/** Words that make a date the start of a period rather than the time of an event ("since 2002"). */
const PERIOD_BEFORE = /(?:\bsince|\bfrom|منذ|ومنذ|مند)\s*(?:عام|العام|سنة|the\s+year)?\s*$/iu;
/** Words that make a date a bound rather than the time of an event ("before 2022", "حتى عام 2025"). */
const BOUND_BEFORE = /(?:\bbefore|\buntil|\btill|\bprior\s+to|قبل|حتى|لغاية)\s*(?:عام|العام|سنة|the\s+year)?\s*$/iu;
/** What may separate two clauses inside a sentence, in order of preference. */
const CLAUSE_BREAKS = [/[,،]\s*/g, /\s+(?:and|but|while|whereas)\s+/g, /\s+(?=و\S)/g];

/** The first day of an ISO date of any precision. */
function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Actors of the mentions in `span`: the states they bring in, then the people and bodies themselves. */
export function actorsIn(g: Gazetteer, mentions: Mention[], span: Span): { countries: string[]; entities: string[]; any: boolean } {
  const countries = new Set<string>();
  const entities = new Set<string>();
  let any = false;
  for (const m of mentions) {
    if (m.start < span.start || m.end > span.end) continue;
    const e = g.entities.get(entityKey(m.kind, m.id));
    if (!e?.actor || m.kind === 'region') continue;
    any = true;
    if (m.country) countries.add(m.country);
    if (m.kind !== 'country') entities.add(m.id);
  }
  return { countries: [...countries].sort(), entities: [...entities], any };
}

/** "The two sides": a reference back to the two actors of the event before (normalized Arabic, English). */
const BOTH_SIDES = /(?:^|[^\p{L}])(?:[وف]?(?:الجانبان|الجانبين|الطرفان|الطرفين|البلدان|البلدين|الدولتان|الدولتين|كلا البلدين|كلا الجانبين|كلا الطرفين)|the two (?:sides|countries|states|parties)|both (?:sides|countries|states|parties))(?![\p{L}])/u;

/** Words before a country that make it where something happened (على طول الحدود المغربية, near the Moroccan border, في المغرب). */
const LOCATIVE = /(?:^|[^\p{L}])(?:(?:علي\s+طول|علي|عند|قرب|بالقرب\s+من|داخل|علي\s+مقربه\s+من|قباله)\s+(?:ال)?(?:حدود|اراضي|مياه|سواحل|ساحل|صحراء|اجواء)|(?:along|near|on|at|inside|off)\s+(?:the\s+)?(?:border|borders|coast|territory|waters)(?:\s+of)?)\s*$/u;

/**
 * The country an event took place in: a country named right after a locative phrase ("على طول الحدود
 * المغربية" → MA), or null. The place is then no actor unless the span names no other.
 */
function placeIn(text: string, mentions: Mention[], span: Span): string | null {
  for (const m of mentions) {
    if (m.start < span.start || m.end > span.end || m.kind !== 'country' || !m.country) continue;
    // "along the Moroccan border": the adjective may stand before its noun in English.
    const before = normalize(text.slice(Math.max(span.start, m.start - 40), m.start));
    const after = normalize(text.slice(m.end, Math.min(span.end, m.end + 12)));
    if (LOCATIVE.test(before) || (/(?:along|near|on|at|off)\s+the\s*$/.test(before) && /^\s*(?:border|coast|waters)/.test(after))) return m.country;
  }
  return null;
}

/** Where to cut between two dates of one sentence: the last clause break between them. */
function cutBetween(text: string, from: number, to: number): number {
  const between = text.slice(from, to);
  for (const re of CLAUSE_BREAKS) {
    let last = -1;
    re.lastIndex = 0;
    for (let m = re.exec(between); m; m = re.exec(between)) last = m.index + m[0].length;
    if (last > 0) return from + last;
  }
  return to;
}

/** Sentences of scraped pages run on for hundreds of words; past this length an event keeps only its clause. */
const LONG_SPAN = 300;
const BREAK = /[,،;؛]\s*|\s+(?:and|but|while)\s+|\s+(?=و\p{L}{2})/gu;

/**
 * The clause of a long span that holds the date: from the nearest clause break before the date that still
 * takes in an actor, to the first break after it.
 */
function narrow(g: Gazetteer, text: string, span: Span, date: { start: number; end: number }, mentions: Mention[]): Span {
  if (span.end - span.start <= LONG_SPAN) return span;
  const breaks: number[] = [];
  BREAK.lastIndex = 0;
  const part = text.slice(span.start, span.end);
  for (let m = BREAK.exec(part); m; m = BREAK.exec(part)) breaks.push(span.start + m.index + m[0].length);
  // The nearest dozen breaks either side: a clause further away is no longer this date's clause.
  const after = breaks.filter((p) => p > date.end).slice(0, 12);
  const before = breaks.filter((p) => p <= date.start).reverse().slice(0, 12);
  for (const end of [...after, span.end]) {
    for (const start of [...before, span.start]) {
      if (actorsIn(g, mentions, { start, end }).any) return { start, end };
    }
  }
  return span;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,،;؛]/.test(text[start])) start++;
  while (end > start && /[\s,،;؛]/.test(text[end - 1])) end--;
  return { start, end };
}

/** A label in the sentence's own words, cut at a word boundary when long. */
export function labelOf(text: string, max = 240): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max - 1);
  return clean.slice(0, cut > max / 2 ? cut : max - 1) + '…';
}

export function sourcesIn(block: BlockText, span: Span): string[] {
  const urls: string[] = [];
  for (const l of block.links) {
    const inside = l.start === l.end ? l.start >= span.start && l.start <= span.end : l.start < span.end && l.end > span.start;
    if (inside && !urls.includes(l.url)) urls.push(l.url);
  }
  return urls;
}

/** A year standing alone as a word ("Algeria's 2023 budget", "the 2015 agreement"), not part of a number or sum. */
const BARE_YEAR = /(?<![\p{L}\p{N}$€£.,/\-])(?:19|20)\d{2}(?![\p{L}\p{N}%٪]|[.,/\-]\d)/gu;

/** `findDates` leaves bare years to the reader; a year on its own dates what it modifies. */
function withBareYears(text: string, found: FoundDate[]): FoundDate[] {
  const extra: FoundDate[] = [];
  BARE_YEAR.lastIndex = 0;
  for (let m = BARE_YEAR.exec(text); m; m = BARE_YEAR.exec(text)) {
    const start = m.index;
    const end = start + 4;
    if (found.some((d) => d.start < end && d.end > start)) continue;
    extra.push({ date: m[0], precision: 'year', start, end, text: m[0], relative: false });
  }
  return extra.length ? [...found, ...extra].sort((a, b) => a.start - b.start) : found;
}

/**
 * Every date expression of every block, in that block's offsets. Found over the whole body at once so that
 * a relative or yearless date resolves against the nearest explicit date before it, in any earlier block.
 * @example blockDates(blocks, '2023-05-18')[0] // → [{ date: '2023-01', precision: 'month', start: 3, … }]
 */
export function blockDates(blocks: BlockText[], published: string | null): FoundDate[][] {
  const SEP = '\n\n';
  const bases: number[] = [];
  let combined = '';
  for (const b of blocks) {
    bases.push(combined.length);
    combined += b.text + SEP;
  }
  // A decade (التسعينيات) dates no event: events are dated to the day, month or year.
  const all = withBareYears(combined, findDates(combined, published ? { ref: published } : {}).filter((d) => d.precision !== 'decade'));
  // A relative or yearless date is read again against the nearest explicit date before it that dates
  // something (not "since 2002", which opens a period), else the article's date.
  let anchor: string | null = null;
  for (const d of all) {
    if (!d.relative) {
      if (!PERIOD_BEFORE.test(combined.slice(Math.max(0, d.start - 16), d.start))) anchor = d.date;
      continue;
    }
    const ref = anchor ?? published;
    const again = ref ? parseDate(d.text, { ref }) : null;
    if (again) Object.assign(d, again);
  }
  return blocks.map((b, k) =>
    all
      .filter((d) => d.start >= bases[k] && d.end <= bases[k] + b.text.length)
      .map((d) => ({ ...d, start: d.start - bases[k], end: d.end - bases[k] })),
  );
}

/** Whether a date opens a period ("since 2002", "منذ عام 2002") rather than dating an event. */
export function opensPeriod(text: string, d: FoundDate): boolean {
  return PERIOD_BEFORE.test(text.slice(Math.max(0, d.start - 16), d.start));
}

const RANGE_JOIN = /^\s*(?:-|–|—|to|and|until|through|of|إلى|الى|حتى|و|من)\s*$/u;

/** Two dates joined as a range ("between 2018 and 2022", "2018–2022") count as one, dated by the first. */
function groupRanges(text: string, dates: FoundDate[]): { date: FoundDate; end: number }[] {
  const groups: { date: FoundDate; end: number }[] = [];
  for (const d of dates) {
    const last = groups[groups.length - 1];
    if (last && RANGE_JOIN.test(text.slice(last.end, d.start))) last.end = d.end;
    else groups.push({ date: d, end: d.end });
  }
  return groups;
}

/**
 * The events of an article's blocks. `published` (YYYY-MM-DD) caps every date: nothing after the article.
 * @example extractEvents(g, 'a1', '2023-05-18', blocks, blockDates(blocks, '2023-05-18'))[0] // → { date: '2023-01', precision: 'month', actors: ['DZ', 'RU'], … }
 */
export function extractEvents(g: Gazetteer, articleId: string, published: string | null, blocks: ReadBlock[], dates: FoundDate[][]): Event[] {
  const events: Event[] = [];
  /** The actors of the last event with two or more: what "the two sides" refers back to. */
  let lastPair: { countries: string[]; entities: string[] } | null = null;
  blocks.forEach((b, k) => {
    // Headings name sections; an author's note speaks of the article itself, not of the world.
    if (b.kind === 'heading' || b.kind === 'note') return;
    const usable = dates[k].filter(
      (d) => !opensPeriod(b.text, d) && !BOUND_BEFORE.test(b.text.slice(Math.max(0, d.start - 16), d.start)) && (!published || firstDay(d.date) <= published),
    );
    if (usable.length === 0) return;
    for (const sentence of sentences(b.text)) {
      const groups = groupRanges(b.text, usable.filter((d) => d.start >= sentence.start && d.end <= sentence.end));
      if (groups.length === 0) continue;
      const whole = actorsIn(g, b.mentions, sentence);
      if (!whole.any) continue;
      // Each date gets the clause that holds it: cuts fall at the last clause break between two dates.
      const cuts = groups.map((grp, i) => (i + 1 < groups.length ? cutBetween(b.text, grp.end, groups[i + 1].date.start) : sentence.end));
      const froms = cuts.map((_, i) => (i === 0 ? sentence.start : cuts[i - 1]));
      groups.forEach((grp, i) => {
        let clause: Span = { start: froms[i], end: cuts[i] };
        // A clause with a date but no actor ("then again in May 2021", "Yet in September 2022,") leans on
        // its neighbour: the clause before it, or for the first one, the clause after.
        if (!actorsIn(g, b.mentions, clause).any) {
          clause = i > 0 ? { start: froms[i - 1], end: cuts[i] } : { start: froms[0], end: cuts[Math.min(1, cuts.length - 1)] };
        }
        const span = trimSpan(b.text, narrow(g, b.text, clause, { start: grp.date.start, end: grp.end }, b.mentions));
        const own = actorsIn(g, b.mentions, span);
        let actors = own.any ? own : whole;
        const place = placeIn(b.text, b.mentions, clause);
        if (lastPair && BOTH_SIDES.test(normalize(b.text.slice(clause.start, clause.end)))) {
          // "أجرى الجانبان مناورات": the sides are the previous event's, whatever else the clause names.
          actors = { countries: lastPair.countries, entities: lastPair.entities, any: true };
        } else if (place && actors.countries.length > 1 && actors.countries.includes(place)) {
          actors = { ...actors, countries: actors.countries.filter((c) => c !== place) };
        }
        if (actors.countries.length >= 2) lastPair = { countries: actors.countries, entities: actors.entities };
        events.push({
          date: grp.date.date,
          precision: grp.date.precision as Precision, // decades were left out by blockDates
          ...(place ? { place } : {}),
          actors: actors.countries,
          label: labelOf(b.text.slice(span.start, span.end)),
          article: articleId,
          block: b.block,
          offsets: [span.start, span.end],
          sources: sourcesIn(b, span),
          entities: actors.entities,
        });
      });
    }
  });
  return events;
}
