/**
 * @module The gazetteer: every entity Mizan can recognize, with its names in both scripts, compiled into a
 * token trie for matching. Countries come from i18n-iso-countries (through `country-names.ts`); the rest
 * is data (`data/*.json`); experts from the store extend it at run time.
 */
import { normalize } from '../text/index.ts';
import type { Expert } from '../model/index.ts';
import { countryNames } from './country-names.ts';
import { AMBIGUITY, COUNTRY_EXTRAS, ORGANIZATIONS, PEOPLE, REGIONS, TITLES } from './data.ts';
import type { Entity, EntityKind, MentionVia } from './entity.ts';
import { arabicAdjectiveForms, englishAdjectiveForms } from './word-forms.ts';
import { words } from './words.ts';

export type Lang = 'ar' | 'en';

/** 'upper': the word must be written in capitals (US, UN); 'cap': with a capital first letter (Chad, not chad). */
export type CaseRule = 'upper' | 'cap' | null;

/** One way of writing one entity's name, as the sequence of analyzer words it is made of. */
export interface NameForm {
  entity: Entity;
  via: MentionVia;
  lang: Lang;
  keys: string[];
  cases: CaseRule[];
  /** What stands between consecutive words, whitespace and hyphens removed ('.' in U.S.). */
  gaps: string[];
  /** Words one of which must stand right before the name unless a proclitic is attached (مالي). */
  needsContext?: Set<string>;
  /** Words that must not follow the name (الساحل الجزائري is a coastline). */
  notFollowedBy?: Set<string>;
  notFollowedByAdjective?: boolean;
  /** The same kind of name in every language (Moscow ↔ موسكو, Algerian ↔ جزائري), for query expansion. */
  siblings: Record<string, string[]>;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  forms: NameForm[];
}

export interface Gazetteer {
  /** Entities by `kind:id` (`country:DZ`, `person:vladimir-putin`). */
  entities: Map<string, Entity>;
  /** Words to trie: the first word of every name form leads here. */
  root: Map<string, TrieNode>;
  /** Titles as joined analyzer words (`وزير الدفاع`, `secretary of defense`). */
  titles: Set<string>;
  /** The longest title in words. */
  titleWords: number;
  /** Normalized full name → the forms that write it (for query expansion). */
  byName: Map<string, NameForm[]>;
  /** Names claimed by two entities and therefore never matched (e.g. Congo). */
  dropped: string[];
}

/** `entityKey('country', 'DZ')` → `'country:DZ'`. */
export function entityKey(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

export function gapOf(between: string): string {
  return between.replace(/[\s\-\u2010-\u2015]+/g, '');
}

function caseRule(raw: string): CaseRule {
  if (/^[A-Z]{2,3}$/.test(raw)) return 'upper';
  if (/^\p{Lu}/u.test(raw)) return 'cap';
  return null;
}

/** The analyzer's words of a name, with what the matcher needs to compare a text against it. */
function wordsOf(name: string): { keys: string[]; cases: CaseRule[]; gaps: string[] } {
  const terms = words(name);
  return {
    keys: terms.map((t) => t.exact),
    cases: terms.map((t) => caseRule(name.slice(t.start, t.end))),
    gaps: terms.slice(1).map((t, i) => gapOf(name.slice(terms[i].end, t.start))),
  };
}

function langOf(name: string): Lang {
  return /[\u0600-\u06ff]/.test(name) ? 'ar' : 'en';
}

interface Builder {
  g: Gazetteer;
  claims: Map<string, Set<string>>;
}

function addEntity(b: Builder, e: Entity): Entity {
  const key = entityKey(e.kind, e.id);
  const existing = b.g.entities.get(key);
  if (existing) return existing;
  b.g.entities.set(key, e);
  return e;
}

function addForm(b: Builder, entity: Entity, name: string, via: MentionVia, siblings: Record<string, string[]> = entity.names): void {
  const lang = langOf(name);
  if (AMBIGUITY.drop[lang]?.includes(name)) return;
  const { keys, cases, gaps } = wordsOf(name);
  if (keys.length === 0) return;
  const form: NameForm = { entity, via, lang, keys, cases, gaps, siblings };
  const context = AMBIGUITY.needsContext[lang]?.[name];
  if (context) form.needsContext = new Set(context.map((w) => normalize(w)));
  const notAfter = AMBIGUITY.notFollowedBy[lang]?.[name];
  if (notAfter) {
    form.notFollowedBy = new Set(notAfter.filter((w) => !w.startsWith('<')).map((w) => normalize(w)));
    form.notFollowedByAdjective = notAfter.includes('<country-adjective>');
  }
  let node: TrieNode | undefined;
  let level = b.g.root;
  for (const k of keys) {
    node = level.get(k);
    if (!node) level.set(k, (node = { next: new Map(), forms: [] }));
    level = node.next;
  }
  const joined = keys.join(' ');
  if (node!.forms.some((f) => f.entity === entity && f.gaps.join('|') === gaps.join('|'))) return;
  node!.forms.push(form);
  const claim = b.claims.get(joined) ?? new Set<string>();
  claim.add(entityKey(entity.kind, entity.id));
  b.claims.set(joined, claim);
  const list = b.g.byName.get(joined) ?? [];
  list.push(form);
  b.g.byName.set(joined, list);
}

/** Drops the forms of every name that two entities claim: a name that could be either is left unmatched. */
function dropConflicts(b: Builder): void {
  const walk = (level: Map<string, TrieNode>) => {
    for (const node of level.values()) {
      const ids = new Set(node.forms.map((f) => entityKey(f.entity.kind, f.entity.id)));
      if (ids.size > 1) {
        b.g.dropped.push(node.forms[0].keys.join(' '));
        b.g.byName.delete(node.forms[0].keys.join(' '));
        node.forms = [];
      }
      walk(node.next);
    }
  };
  walk(b.g.root);
}

function addCountries(b: Builder): void {
  const names = { ar: countryNames('ar'), en: countryNames('en') };
  for (const code of Object.keys(names.en)) {
    const extra = COUNTRY_EXTRAS[code];
    const all = {
      ar: [...(names.ar[code] ?? []), ...(extra?.ar.names ?? [])],
      en: [...names.en[code], ...(extra?.en.names ?? [])],
    };
    const e = addEntity(b, {
      kind: 'country',
      id: code,
      label: { ar: all.ar[0] ?? all.en[0], en: all.en[0] },
      names: all,
      country: code,
      actor: true,
    });
    for (const lang of ['ar', 'en'] as const) {
      // Formal names with commas or brackets ("Korea, Republic of") are never written that way in prose.
      for (const n of all[lang]) if (!/[,(]/.test(n)) addForm(b, e, n, 'name');
      if (!extra) continue;
      const adjectives = { ar: extra.ar.adjectives, en: extra.en.adjectives };
      for (const a of extra[lang].adjectives) {
        const forms = lang === 'ar' ? arabicAdjectiveForms(normalize(a)) : englishAdjectiveForms(a);
        for (const f of forms) addForm(b, e, f, 'adjective', adjectives);
      }
      for (const d of extra[lang].demonyms ?? []) for (const f of [d, 'ال' + d]) addForm(b, e, f, 'adjective', adjectives);
      for (const c of extra[lang].capitals) addForm(b, e, c, 'capital', { ar: extra.ar.capitals, en: extra.en.capitals });
      for (const s of extra[lang].seats) addForm(b, e, s, 'seat', { ar: extra.ar.seats, en: extra.en.seats });
    }
  }
}

function addRegions(b: Builder): void {
  for (const r of REGIONS) {
    const e = addEntity(b, {
      kind: 'region',
      id: r.id,
      label: { ar: r.ar[0], en: r.en[0] },
      names: { ar: r.ar, en: r.en },
      country: null,
      members: r.countries,
      site: r.site,
      actor: false,
    });
    for (const n of [...r.ar, ...r.en]) addForm(b, e, n, 'name');
    for (const a of r.adjectives.ar) for (const f of arabicAdjectiveForms(normalize(a))) addForm(b, e, f, 'adjective', r.adjectives);
    for (const a of r.adjectives.en) addForm(b, e, a, 'adjective', r.adjectives);
  }
}

function addOrganizations(b: Builder): void {
  for (const o of ORGANIZATIONS) {
    const e = addEntity(b, {
      kind: o.kind ?? 'organization',
      id: o.id,
      label: { ar: o.ar[0], en: o.en[0] },
      names: { ar: o.ar, en: o.en },
      country: o.country,
      actor: o.actor ?? true,
    });
    for (const n of [...o.ar, ...o.en]) addForm(b, e, n, 'name');
    for (const a of o.adjectives?.ar ?? []) for (const f of arabicAdjectiveForms(normalize(a))) addForm(b, e, f, 'adjective', o.adjectives);
  }
}

function addPeople(b: Builder): void {
  for (const p of PEOPLE) {
    const e = addEntity(b, {
      kind: 'person',
      id: p.id,
      label: { ar: p.ar[0], en: p.en[0] },
      names: { ar: [...p.ar, ...p.arShort], en: [...p.en, ...p.enShort] },
      country: p.country,
      role: p.role,
      actor: true,
    });
    for (const n of [...p.ar, ...p.en]) addForm(b, e, n, 'name');
    for (const n of [...p.arShort, ...p.enShort]) addForm(b, e, n, 'short');
  }
}

/** Experts are people too; they write the analysis, so naming one never makes a sentence an event. */
function addExperts(b: Builder, experts: Expert[]): void {
  for (const x of experts) {
    if (x.names.length === 0) continue;
    const en = x.names.find((n) => n.lang === 'en');
    const id = en?.slug ?? x.names[0].slug;
    const names: Record<string, string[]> = {};
    const label: Record<string, string> = {};
    for (const n of x.names) {
      (names[n.lang] ??= []).push(n.name);
      label[n.lang] ??= n.name;
    }
    const e = addEntity(b, { kind: 'person', id, label, names, country: null, actor: false });
    for (const n of x.names) addForm(b, e, n.name, 'name');
  }
}

function addTitles(g: Gazetteer): void {
  for (const t of [...TITLES.ar, ...TITLES.en]) {
    const keys = words(t).map((w) => w.exact);
    if (keys.length === 0) continue;
    g.titles.add(keys.join(' '));
    g.titleWords = Math.max(g.titleWords, keys.length);
  }
}

/**
 * Builds a gazetteer from the data files, extended with the store's experts.
 * @example createGazetteer().entities.get('person:vladimir-putin')?.label.ar // → 'فلاديمير بوتين'
 */
export function createGazetteer(opts: { experts?: Expert[] } = {}): Gazetteer {
  const g: Gazetteer = { entities: new Map(), root: new Map(), titles: new Set(), titleWords: 0, byName: new Map(), dropped: [] };
  const b: Builder = { g, claims: new Map() };
  addCountries(b);
  addRegions(b);
  addOrganizations(b);
  addPeople(b);
  addExperts(b, opts.experts ?? []);
  dropConflicts(b);
  addTitles(g);
  return g;
}

let shared: Gazetteer | undefined;

/** The gazetteer without experts, built once per process. */
export function defaultGazetteer(): Gazetteer {
  return (shared ??= createGazetteer());
}
