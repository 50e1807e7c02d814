/**
 * @module From typed syntax to what the index is asked: every word goes through the same analyzer
 * that indexed the articles (`src/text`'s `analyze`), giving its stem and its exact (normalized,
 * unstemmed) form. Stop words are dropped unless the query holds nothing else.
 */
import { analyze } from '../text/index.ts';
import type { QuerySyntax, SyntaxItem } from './query-syntax.ts';
import { indexToken } from './index-token.ts';

export interface PlanTerm {
  stem: string;
  exact: string;
  stop: boolean;
}

export type PlanClause =
  | {
      kind: 'term';
      term: PlanTerm;
      /** Stems one edit away, tried when the word itself is unknown. */
      fuzzy: string[];
      /**
       * Stems matched on stems only, so below the word typed: the same entity's names in other scripts
       * (Tebboune → تبون), and the word's broken plural or singular and nisba the corpus holds (اسلح → سلاح).
       */
      alternates?: string[];
    }
  | { kind: 'phrase'; terms: PlanTerm[] };

export interface QueryPlan {
  /** All groups must match; a group's clauses are alternatives. */
  groups: PlanClause[][];
  exclude: PlanClause[];
  truncated: boolean;
  /** Adjacent query words, when they are not those of `groups` (the any-word fallback keeps the typed ones). */
  pairs?: [string, string][];
}

function clauseOf(item: SyntaxItem): PlanClause | undefined {
  const terms: PlanTerm[] = [];
  for (const t of analyze(item.text)) {
    const stem = indexToken(t.term);
    const exact = indexToken(t.exact);
    if (stem && exact) terms.push({ stem, exact, stop: t.stop });
  }
  if (terms.length === 0) return undefined;
  if (terms.length === 1 && item.kind === 'word') return { kind: 'term', term: terms[0], fuzzy: [] };
  return { kind: 'phrase', terms };
}

const isStop = (c: PlanClause) => c.kind === 'term' && c.term.stop;

/**
 * Analyzes each item of `syntax`.
 *
 * @example
 * planQuery(parseQuerySyntax('في العلاقات'))
 * // → { groups: [[{ kind: 'term', term: { stem: 'علاق', exact: 'العلاقات', stop: false }, fuzzy: [] }]], … }
 * //   ('في' is a stop word, dropped because a content word remains)
 */
export function planQuery(syntax: QuerySyntax): QueryPlan {
  const groups = syntax.groups
    .map((g) => g.map(clauseOf).filter((c): c is PlanClause => c !== undefined))
    .filter((g) => g.length > 0);
  const exclude = syntax.exclude.map(clauseOf).filter((c): c is PlanClause => c !== undefined);
  // A group made only of stop words says little; keep such groups only when nothing else is asked.
  const content = groups.filter((g) => !g.every(isStop));
  return { groups: content.length ? content : groups, exclude, truncated: syntax.truncated };
}

/** Every term a snippet should mark: stems and exact forms of the wanted clauses (not the excluded). */
export function highlightTerms(plan: QueryPlan): Set<string> {
  const out = new Set<string>();
  for (const group of plan.groups) {
    for (const clause of group) {
      const terms = clause.kind === 'term' ? [clause.term] : clause.terms;
      for (const t of terms) {
        out.add(t.stem);
        out.add(t.exact);
      }
      if (clause.kind === 'term') for (const f of [...clause.fuzzy, ...(clause.alternates ?? [])]) out.add(f);
    }
  }
  return out;
}

/** True when the plan asks for nothing (an empty query, or one with only punctuation). */
export function isEmptyPlan(plan: QueryPlan): boolean {
  return plan.groups.length === 0;
}

/**
 * Adjacent query words that stand alone in their groups: found side by side in an article, they add
 * to its score (both engines).
 *
 * @example adjacentPairs(planQuery(parseQuerySyntax('gulf capital')).groups) // → [['gulf', 'capit']]
 */
export function adjacentPairs(groups: PlanClause[][]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < groups.length; i++) {
    const [a, b] = [groups[i], groups[i + 1]];
    if (a.length === 1 && b.length === 1 && a[0].kind === 'term' && b[0].kind === 'term') pairs.push([a[0].term.stem, b[0].term.stem]);
  }
  return pairs;
}

/** Names of an entity in other scripts, for a word typed: `expand('Tebboune')` → `['تبون', …]`. */
export type Expand = (word: string) => string[];

/**
 * Adds, to each single-word clause, the stems of the one-word names `expand` gives for it; names of
 * several words (عبد المجيد تبون) are left out, their last word usually being among the one-word ones.
 *
 * @example expandPlan(planQuery(parseQuerySyntax('Tebboune')), expandQuery) // the clause gains alternates: ['تبون']
 */
export function expandPlan(plan: QueryPlan, expand: Expand, max = 4): QueryPlan {
  const widen = (c: PlanClause): PlanClause => {
    if (c.kind !== 'term' || c.term.stop) return c;
    const stems = new Set<string>();
    for (const name of expand(c.term.exact)) {
      const terms = analyze(name);
      if (terms.length !== 1) continue;
      const stem = indexToken(terms[0].term);
      if (stem && stem !== c.term.stem) stems.add(stem);
      if (stems.size >= max) break;
    }
    return stems.size ? { ...c, alternates: [...new Set([...(c.alternates ?? []), ...stems])] } : c;
  };
  return { ...plan, groups: plan.groups.map((g) => g.map(widen)) };
}

/** The plan's adjacent query words: those it was typed with (see `QueryPlan.pairs`), else its groups'. */
export const pairsOf = (plan: QueryPlan): [string, string][] => plan.pairs ?? adjacentPairs(plan.groups);
