/**
 * @module `findQuantities`: percentages, sums of money and scaled counts in Arabic or English running
 * text ('76 في المائة', '٧٦٪', '$1.9 billion', 'بمليارات الدولارات'), with offsets into the original.
 * Matching runs on folded text, like dates; bare numbers (years, counts without a scale) are not quantities.
 */
import { foldWithOffsets } from './fold-with-offsets.ts';
import { urlSpans } from './url-spans.ts';

export interface Quantity {
  /** The full value: '$1.9 billion' → 1.9e9; 'بمليارات الدولارات' → 1e9 (approximate). */
  value: number;
  unit: 'percent' | 'USD' | 'EUR' | 'count' | string;
  /** The multiplier the text used (1e3, 1e6, 1e9, 1e12), when it used one. */
  scale?: number;
  text: string;
  start: number;
  end: number;
  /** "About", "nearly", "ما يقرب من", or a plural scale with no number ("billions of dollars"). */
  approximate: boolean;
}

const NUM = '\\d+(?:[.,]\\d+)*';
/** Scale words, normalized: singular, dual and plural forms. */
const SCALES: [RegExp, number][] = [
  [/^(?:الف|الفا|الفان|الفين|الاف|thousands?|k)$/, 1e3],
  [/^(?:مليون|مليونا|مليونان|مليونين|ملايين|millions?|m|mn)$/, 1e6],
  [/^(?:مليار|مليارا|ملياران|مليارين|مليارات|بليون|بلايين|billions?|bn|b)$/, 1e9],
  [/^(?:تريليون|تريليونا|تريليونات|trillions?|tn)$/, 1e12],
];
const SCALE = '(?:الفا|الفان|الفين|الاف|الف|مليونا|مليونان|مليونين|مليون|ملايين|مليارا|ملياران|مليارين|مليارات|مليار|بليون|بلايين|تريليونا|تريليونات|تريليون|thousands?|millions?|billions?|trillions?|bn|mn|tn|[kmb](?![\\p{L}]))';
const USD = '(?:دولارا|دولاران|دولارين|دولارات|دولار|الدولارات|الدولار|us\\s+dollars?|dollars?|usd)(?:\\s+(?:امريكي|الامريكي|الامريكيه|امريكيه))?';
const EUR = '(?:يورو|اليورو|euros?|eur)';
const PERCENT = '(?:%|\\s*في\\s+الما[يء]?ه|\\s*في\\s+الم[يء]ه|\\s*بالما[يء]?ه|\\s*بالم[يء]ه|\\s*percent|\\s*per\\s+cent|\\s*pct)';

const QUANTITY_RE = new RegExp(
  '(?<![\\p{L}\\p{N}.,])(?:' +
    `(?<pct>${NUM})\\s?${PERCENT}` +
    `|(?<sym>[$€])\\s?(?<symNum>${NUM})(?:\\s*(?<symScale>${SCALE}))?` +
    `|(?:us\\$|usd)\\s?(?<usdNum>${NUM})(?:\\s*(?<usdScale>${SCALE}))?` +
    `|(?<num>${NUM})(?:\\s*(?<numScale>${SCALE}))?(?:\\s+(?:من\\s+)?(?<cur>${USD}|${EUR}))` +
    `|(?<bare>${NUM})\\s*(?<bareScale>${SCALE})` +
    `|(?:[وفبل]?|ب?ال)(?<plural>الاف|ملايين|مليارات|بلايين|thousands|millions|billions)\\s+(?:من\\s+|of\\s+)?(?<pcur>${USD}|${EUR})` +
  ')(?![\\p{L}\\p{N}])',
  'gu',
);

const APPROX = /(?:نحو|حوالي|حوالى|قرابه|زهاء|ما\s+يقرب\s+من|ما\s+يقارب|اكثر\s+من|اقل\s+من|تقريبا|about|around|nearly|almost|approximately|roughly|some|over|more\s+than|less\s+than|up\s+to)\s*$/u;

function scaleOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  for (const [re, s] of SCALES) if (re.test(w)) return s;
  return undefined;
}

/** '1,000.5' → 1000.5; '1,9' → 1.9 (a comma before anything but three digits is a decimal point). */
function numberOf(text: string): number {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  return Number(text.replace(/,/g, ''));
}

function currencyOf(word: string): string {
  return /يورو|euro|eur/.test(word) ? 'EUR' : 'USD';
}

/**
 * Every quantity in `text`.
 * @example findQuantities('ما يقرب من 76 في المائة')[0] // → { value: 76, unit: 'percent', approximate: true, … }
 * @example findQuantities('$1.9 billion')[0].value // → 1900000000
 */
export function findQuantities(text: string): Quantity[] {
  const { text: folded, starts, ends } = foldWithOffsets(text);
  const out: Quantity[] = [];
  const inUrl = urlSpans(folded);
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(folded); m; m = QUANTITY_RE.exec(folded)) {
    if (inUrl(m.index)) continue;
    const g = m.groups!;
    let value: number;
    let unit: string;
    let scale: number | undefined;
    let approximate = APPROX.test(folded.slice(Math.max(0, m.index - 24), m.index));
    if (g.pct !== undefined) {
      value = numberOf(g.pct);
      unit = 'percent';
    } else if (g.sym !== undefined || g.usdNum !== undefined) {
      scale = scaleOf(g.symScale ?? g.usdScale);
      value = numberOf(g.symNum ?? g.usdNum!) * (scale ?? 1);
      unit = g.sym === '€' ? 'EUR' : 'USD';
    } else if (g.num !== undefined) {
      scale = scaleOf(g.numScale);
      value = numberOf(g.num) * (scale ?? 1);
      unit = currencyOf(g.cur!);
    } else if (g.bare !== undefined) {
      scale = scaleOf(g.bareScale);
      value = numberOf(g.bare) * (scale ?? 1);
      unit = 'count';
    } else {
      // "billions of dollars": at least one of the scale, so the value is that scale, approximately.
      scale = scaleOf(g.plural);
      value = scale ?? NaN;
      unit = currencyOf(g.pcur!);
      approximate = true;
    }
    if (!Number.isFinite(value)) continue;
    const start = starts[m.index];
    const end = ends[m.index + m[0].length - 1];
    const q: Quantity = { value, unit, text: text.slice(start, end), start, end, approximate };
    if (scale !== undefined) q.scale = scale;
    out.push(q);
  }
  return out;
}
