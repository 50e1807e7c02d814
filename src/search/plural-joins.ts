/**
 * @module Broken plurals joined at search time: a word's stem gains, as lower-weighted alternates, the
 * stems its singular/plural patterns give (أسلحة ↔ سلاح, رؤساء ↔ رئيس) and its nisba (سياسة ↔ سياسي) —
 * only those the index's own vocabulary holds. Rows found only through them rank below rows holding the
 * word typed (match-set's `lowerAlternates`), so the exact form comes first.
 */
import { joinedPlurals, nisbaPartners, pluralPartners } from '../text/index.ts';
import type { PlanClause, QueryPlan } from './plan-query.ts';
import type { SearchDb } from './tables.ts';
import { knownStems } from './vocabulary.ts';

/** At most this many joined stems a word. */
const MAX_JOINED = 6;

const isArabic = (s: string) => /^[\u0621-\u064A]+$/.test(s);

/**
 * Adds to each Arabic single-word clause the plural/singular and nisba partners of its stem that the
 * vocabulary knows. One vocabulary lookup a query.
 *
 * @example await addPluralJoins(db, planQuery(parseQuerySyntax('أسلحة'))) // clause 'اسلح' gains alternates: ['سلاح']
 */
export async function addPluralJoins(db: SearchDb, plan: QueryPlan): Promise<QueryPlan> {
  const clauses = plan.groups.flat().filter((c): c is Extract<PlanClause, { kind: 'term' }> => c.kind === 'term' && !c.term.stop && isArabic(c.term.stem));
  if (clauses.length === 0) return plan;
  const candidates = new Set<string>();
  for (const c of clauses) {
    const partners = [...pluralPartners(c.term.stem), ...nisbaPartners(c.term.stem)];
    for (const p of [c.term.stem, ...partners]) {
      candidates.add(p);
      if (p.length >= 4) candidates.add(p.slice(1)); // what joinedPlurals asks to tell a clitic from a letter
    }
  }
  const known = await knownStems(db, [...candidates]);
  const has = (s: string) => known.has(s);
  const joined = new Map<PlanClause, string[]>();
  for (const c of clauses) {
    const nisba = nisbaPartners(c.term.stem).filter(has);
    const stems = [...new Set([...joinedPlurals(c.term.stem, has), ...nisba])].filter((s) => s !== c.term.stem).slice(0, MAX_JOINED);
    if (stems.length) joined.set(c, stems);
  }
  if (joined.size === 0) return plan;
  const widen = (c: PlanClause): PlanClause => {
    const stems = joined.get(c);
    return stems && c.kind === 'term' ? { ...c, alternates: [...new Set([...(c.alternates ?? []), ...stems])] } : c;
  };
  return { ...plan, groups: plan.groups.map((g) => g.map(widen)) };
}
