/**
 * @module The query asked again in the other language: each word is replaced by its learned translations
 * (learn-term-pairs.ts) and by the other-script names the gazetteer gives for it (handed in as `expand`
 * by src/app), a word's translations being alternatives. Numbers stand for themselves. A word with no
 * translation leaves no cross-language query: every word must still match, as in the language typed.
 */
import { analyze } from '../../text/index.ts';
import { indexToken } from '../index-token.ts';
import type { Expand, PlanClause, PlanTerm, QueryPlan } from '../plan-query.ts';
import { translationsOf, type TermPairs } from './learn-term-pairs.ts';

/** Translations tried a word: the learned ones first, then the gazetteer's. */
const MAX_PER_WORD = 4;

const ARABIC = /[\u0600-\u06FF]/u;
const scriptLang = (s: string) => (ARABIC.test(s) ? 'ar' : 'en');

export interface CrossPlan {
  /** The language the query was typed in (its words' script). */
  from: string;
  plan: QueryPlan;
}

/** The language of a plan's words, when they share one script; undefined for a mixed query. */
export function queryLang(plan: QueryPlan): string | undefined {
  const langs = new Set<string>();
  for (const c of plan.groups.flat()) {
    for (const t of c.kind === 'term' ? [c.term] : c.terms) if (!/^\p{N}+$/u.test(t.stem)) langs.add(scriptLang(t.stem));
  }
  return langs.size === 1 ? [...langs][0] : undefined;
}

const termClause = (stem: string): PlanClause => ({ kind: 'term', term: { stem, exact: stem, stop: false }, fuzzy: [] });

/** A word's translations (stems) out of `from`: the learned pairs, then the gazetteer's other-script names. */
function translate(t: PlanTerm, from: string, pairs: TermPairs, expand: Expand | undefined): string[] {
  if (/^\p{N}+$/u.test(t.stem)) return [t.stem];
  const out = new Set<string>();
  for (const tr of translationsOf(pairs, from, t.stem)) if (tr.lang !== from) out.add(tr.stem);
  for (const name of expand?.(t.exact) ?? []) {
    if (scriptLang(name) === from) continue;
    const terms = analyze(name);
    if (terms.length !== 1) continue;
    const s = indexToken(terms[0].term);
    if (s) out.add(s);
  }
  return [...out].slice(0, MAX_PER_WORD);
}

/**
 * The plan of `plan`'s words in other languages; undefined when a word has no translation (with
 * `someWords`, for the any-word fallback: such words are left out, undefined only when none has one), or
 * the query mixes scripts.
 * @example crossPlan(planQuery(parseQuerySyntax('arms sales')), pairs) // → { from: 'en', plan: groups [[اسلح, تسليح], [مبيع]] }
 */
export function crossPlan(plan: QueryPlan, pairs: TermPairs, expand?: Expand, opts: { someWords?: boolean } = {}): CrossPlan | undefined {
  const from = queryLang(plan);
  if (!from || plan.groups.length === 0) return undefined;
  const groups: PlanClause[][] = [];
  for (const group of plan.groups) {
    // A phrase's words each become a group: word order does not carry over between languages.
    const words: PlanTerm[][] = [];
    const single = group.filter((c) => c.kind === 'term');
    if (single.length) words.push(single.map((c) => (c as Extract<PlanClause, { kind: 'term' }>).term));
    for (const c of group) if (c.kind === 'phrase') for (const t of c.terms) if (!t.stop) words.push([t]);
    for (const alternatives of words) {
      const stems = new Set(alternatives.flatMap((t) => translate(t, from, pairs, expand)));
      if (stems.size === 0) {
        if (opts.someWords) continue;
        return undefined;
      }
      groups.push([...stems].map(termClause));
    }
  }
  if (groups.length === 0) return undefined;
  // An excluded word stays excluded in every language it translates to.
  const exclude = plan.exclude.flatMap((c) => (c.kind === 'term' ? [c.term] : c.terms)).flatMap((t) => translate(t, from, pairs, expand).map(termClause));
  return { from, plan: { groups, exclude, truncated: plan.truncated } };
}
