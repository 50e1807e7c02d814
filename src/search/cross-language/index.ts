/**
 * @module Search across languages: term pairs learned from the index's own translations (no dictionary),
 * and the query they translate. See docs/cross-language-search.md.
 */
export { alignUnits, parseUnits, contentStems, type AlignUnits } from './align-units.ts';
export { learnTermPairs, learnTermPairsInSlices, translationsOf, type TermPairs, type Translation, type Side, type LearnOptions } from './learn-term-pairs.ts';
export { learnedPairs, learnedPairsWithin, bumpTranslations, groupShared, translationSides } from './learned-pairs.ts';
export { crossPlan, queryLang, type CrossPlan } from './cross-plan.ts';
