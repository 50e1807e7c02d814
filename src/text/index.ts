/**
 * @module text: Arabic-first text analysis — normalization, tokens, stems, stop words, URL slugs,
 * dates and quantities. One analyzer (`analyze`) serves indexing and querying alike.
 * Decisions: docs/text-analysis.md.
 */
export { normalize } from './normalize.ts';
export { foldWithOffsets, type FoldedText } from './fold-with-offsets.ts';
export { slugify } from './slugify.ts';
export type { DatePrecision, FoundDate } from './calendar-date.ts';
export { parseDate } from './parse-date.ts';
export { findDates } from './find-dates.ts';
export { formatDate } from './format-date.ts';
export { LEVANTINE_MONTHS, EGYPTIAN_MONTHS, ENGLISH_MONTHS } from './months.ts';
export { tokenize, type Token } from './tokenize.ts';
export { analyze, type Term } from './analyze.ts';
export { stem } from './stem.ts';
export { stemArabic } from './arabic-stemmer.ts';
export { isStopWord } from './stop-words.ts';
export { detectLang } from './detect-lang.ts';
export { findQuantities, type Quantity } from './find-quantities.ts';
export { pluralPartners, joinedPlurals, nisbaPartners } from './broken-plural.ts';
export { smartQuotes } from './smart-quotes.ts';
