/**
 * @module Figures: the quantities an article states (percentages, sums of money, counts), each with what it
 * measures in the sentence's own words, its period, the states in its sentence and the source it cites.
 * Percentages and money come from `findQuantities` (src/text); plain counts ("27 members") are read here.
 */
import { findQuantities, type FoundDate, type Quantity } from '../text/index.ts';
import type { Figure } from './entity.ts';
import type { Gazetteer } from './gazetteer.ts';
import { actorsIn, opensPeriod, type ReadBlock } from './events.ts';
import { sentences, type Span } from './sentences.ts';

/** A number before a word, not part of a hyphenated name (Su-57, 48-month) or of a date. */
const COUNT = /(?<![\p{L}\p{N}.,\-$€/])(\d{1,3}(?:,\d{3})+|\d+)(?=\s+\p{L})/gu;
/** A count of time units is a duration ("48 months", "48 شهراً"), not a figure. */
const DURATION_AFTER = /^\s+(?:days?|weeks?|months?|years?|hours?|decades?|يوما|يوماً|أيام|ايام|أسبوعا|أسابيع|شهرا|شهراً|أشهر|اشهر|شهور|عاما|عاماً|أعوام|سنة|سنوات|ساعة|ساعات)(?!\p{L})/iu;
/** Where the clause of a figure ends, looking forward. */
const CLAUSE_END = /[,،;؛:()[\]"“”«»]|\.(?!\d)|\s(?:and|but|while|which|since|according)\s|\s(?:منذ|وفقا|وفقاً|بحسب|حسب)\s/u;
/** Where the clause of a figure starts, looking back (the last match). */
const CLAUSE_START = /[,،;؛:()[\]"“”«»]|\s(?:and|but|while|which|of that sum)\s|\s(?:بينما|في حين|ومن هذا المبلغ)\s/gu;

function counts(text: string, span: Span, taken: Span[]): Quantity[] {
  const out: Quantity[] = [];
  const part = text.slice(span.start, span.end);
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(part); m; m = COUNT.exec(part)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    if (taken.some((t) => t.start < end && t.end > start)) continue;
    const value = Number(m[1].replace(/,/g, ''));
    // A lone four-digit number from 1900 to 2099 is a year ("the 2015 agreement"), not a count.
    if (!(value >= 2) || (/^\d{4}$/.test(m[1]) && value >= 1900 && value < 2100)) continue;
    if (DURATION_AFTER.test(text.slice(end, end + 12))) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    const approximate = /(?:about|some|nearly|around|roughly|more than|over|نحو|حوالي|قرابة|أكثر من|اكثر من|ما يقرب من)\s*$/u.test(before);
    out.push({ value, unit: 'count', text: m[0], start, end, approximate });
  }
  return out;
}

/**
 * What a quantity measures, in the sentence's words. A percentage or a count is named by the words after it
 * ("76 percent of Algeria's imports", "27 members of Congress"); a sum of money by the words around it in its
 * clause ("Saudi Arabia gave Tunisia a … loan").
 */
function measureOf(text: string, q: Quantity, sentence: Span, dates: Span[]): string {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const nextDate = dates.filter((d) => d.start >= q.end).sort((a, b) => a.start - b.start)[0];
  const after = text.slice(q.end, Math.min(sentence.end, nextDate?.start ?? Infinity));
  const cut = after.search(CLAUSE_END);
  const forward = words(cut >= 0 ? after.slice(0, cut) : after);
  const beforeText = text.slice(sentence.start, q.start);
  let from = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(beforeText); m; m = CLAUSE_START.exec(beforeText)) from = m.index + m[0].length;
  const backward = words(beforeText.slice(from));
  if ((q.unit === 'percent' || q.unit === 'count') && forward.length >= 1) return forward.slice(0, 6).join(' ').replace(/\s+(?:in|on|at|في)$/u, '');
  const b = backward.slice(-5).join(' ');
  const f = forward.slice(0, 5).join(' ');
  return b && f ? `${b} … ${f}` : b || f;
}

/** How far (in characters) a date may stand from a figure and still give its period. */
const PERIOD_REACH = 100;

const distance = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0);

/** The period a figure covers: "since 2002" runs to the article's year; otherwise the nearest date in its clause. */
function periodOf(text: string, q: Span, dates: FoundDate[], published: string | null): string | null {
  const near = dates.filter((d) => distance(d, q) <= PERIOD_REACH).sort((a, b) => distance(a, q) - distance(b, q));
  if (near.length === 0) return null;
  const nearest = near[0];
  if (opensPeriod(text, nearest)) return `${nearest.date}/${published ? published.slice(0, 4) : ''}`.replace(/\/$/, '');
  return nearest.date;
}

/** The link a figure rests on: one on the quantity itself, else the nearest in its sentence (after it on a tie). */
function sourceOf(b: ReadBlock, q: Span, sentence: Span): string | null {
  const inSentence = b.links.filter((l) => l.start >= sentence.start && l.start <= sentence.end);
  const on = inSentence.find((l) => l.start < q.end && l.end > q.start);
  if (on) return on.url;
  const ranked = inSentence
    .map((l) => ({ url: l.url, d: distance(l, q) - (l.start >= q.end ? 0.5 : 0) }))
    .sort((x, y) => x.d - y.d);
  return ranked[0]?.url ?? null;
}

/**
 * The figures of an article's blocks.
 * @example extractFigures(g, 'a1', '2023-05-18', blocks, dates)[0] // → { value: 76, unit: 'percent', period: '2002/2023', actors: ['DZ', 'RU'], source: 'https://…sipri…', … }
 */
export function extractFigures(g: Gazetteer, articleId: string, published: string | null, blocks: ReadBlock[], dates: FoundDate[][]): Figure[] {
  const figures: Figure[] = [];
  blocks.forEach((b, k) => {
    if (b.kind === 'heading' || b.kind === 'note') return;
    const dateSpans: Span[] = dates[k];
    for (const sentence of sentences(b.text)) {
      const part = b.text.slice(sentence.start, sentence.end);
      const found = findQuantities(part).map((q) => ({ ...q, start: q.start + sentence.start, end: q.end + sentence.start }));
      const quantities = [...found, ...counts(b.text, sentence, [...dateSpans, ...found])]
        .filter((q) => !dateSpans.some((d) => d.start < q.end && d.end > q.start))
        .sort((x, y) => x.start - y.start);
      if (quantities.length === 0) continue;
      const sentenceDates = dates[k].filter((d) => d.start >= sentence.start && d.end <= sentence.end);
      const actors = actorsIn(g, b.mentions, sentence).countries;
      for (const q of quantities) {
        figures.push({
          value: q.value,
          unit: q.unit,
          measure: measureOf(b.text, q, sentence, sentenceDates),
          period: periodOf(b.text, q, sentenceDates, published),
          actors,
          article: articleId,
          block: b.block,
          offsets: [q.start, q.end],
          source: sourceOf(b, q, sentence),
          text: q.text,
          approximate: q.approximate,
        });
      }
    }
  });
  return figures;
}
