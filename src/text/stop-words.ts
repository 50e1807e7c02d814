/**
 * @module Stop words. Arabic: the maintained `stopwords-iso` list (the one adapter for that package),
 * normalized like the text, minus the content words it carries (months, numbers, "visit", "year"…) that
 * readers of policy analysis search for. English: the short Snowball list of function words, because
 * `stopwords-iso`'s English list holds content words ("research", "state", "world").
 */
import { createRequire } from 'node:module';
import { normalize } from './normalize.ts';

const require = createRequire(import.meta.url);

/** Entries of stopwords-iso's Arabic list that are words people search for. */
const ARABIC_KEEP = new Set(
  [
    'أب', 'أخ', 'ايار', 'مايو', 'زيارة', 'سنة', 'سنوات', 'عام', 'عاما', 'عامة', 'مليار', 'مليون', 'قوة', 'برس', 'لوكالة',
    'للامم', 'اعلنت', 'اطار', 'عدد', 'عدة', 'صباح', 'مساء', 'يوم', 'ايام', 'اليوم', 'الوقت', 'نهاية', 'الماضي', 'المقبل',
    'الثاني', 'الثانية', 'الاول', 'الاولى', 'اول', 'احد', 'واحد', 'ثلاثة', 'اربعة', 'عشر', 'عشرة', 'الف', 'باسم', 'صفر',
    'شخصا', 'اعادة', 'السابق', 'امس', 'غدا', 'و6', 'الاخيرة', 'حاليا', 'بشكل', 'بسبب', 'جميع', 'ضد', 'قال', 'اكد',
  ].map(normalize),
);

const ENGLISH =
  "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves what which who whom this that these those am is are was were be been being have has had having do does did doing would should could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's where's why's how's a an the and but if or because as until while of at by for with about against between into through during before after above below to from up down in out on off over under again further then once here there when where why how all any both each few more most other some such no nor not only own same so than too very";

const lists = require('stopwords-iso') as Record<string, string[]>;

const ARABIC = new Set<string>();
for (const w of lists.ar ?? []) {
  const n = normalize(w).trim();
  if (n && !ARABIC_KEEP.has(n)) ARABIC.add(n);
}
const ENGLISH_SET = new Set(ENGLISH.split(' ').map(normalize));
const OTHER = new Map<string, Set<string>>();

/**
 * True when `normalizedWord` (already `normalize`d) is a stop word of `lang`.
 * @example isStopWord('في', 'ar') // → true
 * @example isStopWord('research', 'en') // → false
 */
export function isStopWord(normalizedWord: string, lang: string): boolean {
  if (lang === 'ar') return ARABIC.has(normalizedWord);
  if (lang === 'en') return ENGLISH_SET.has(normalizedWord);
  let set = OTHER.get(lang);
  if (!set) {
    set = new Set((lists[lang] ?? []).map(normalize));
    OTHER.set(lang, set);
  }
  return set.has(normalizedWord);
}
