/**
 * @module `recognize`: finds the gazetteer's entities in running text. Words come from the analyzer
 * (src/text's tokens and normalization, as `analyze` makes them), so a name matches as search would; proclitics are peeled off the first word
 * of a name (وموسكو، للجزائر، بالكرملين); the longest name wins; offsets point into the original text.
 */
import type { Mention } from './entity.ts';
import { defaultGazetteer, gapOf, type Gazetteer, type NameForm, type TrieNode } from './gazetteer.ts';
import { isArabic, peelProclitics, type Peeled } from './word-forms.ts';
import { words, type Word as Term } from './words.ts';

interface Hit {
  form: NameForm;
  first: number;
  last: number;
  clitics: number;
}

/** Readings of one word: Arabic words with proclitics peeled, English words with a possessive dropped. */
function readings(exact: string): Peeled[] {
  let r = memo.get(exact);
  if (!r) {
    if (memo.size > 50_000) memo.clear();
    memo.set(exact, (r = readingsOf(exact)));
  }
  return r;
}

// Words repeat within and across texts; their readings never change.
const memo = new Map<string, Peeled[]>();

function readingsOf(exact: string): Peeled[] {
  if (isArabic(exact)) return peelProclitics(exact);
  const out: Peeled[] = [{ key: exact, clitics: 0 }];
  const bare = exact.replace(/'s?$/, '');
  if (bare !== exact && bare.length > 0) out.push({ key: bare, clitics: 0 });
  return out;
}

function caseFits(rule: NameForm['cases'][number], raw: string): boolean {
  if (rule === 'upper') return raw === raw.toUpperCase() && /^\p{Lu}/u.test(raw);
  if (rule === 'cap') return /^\p{Lu}/u.test(raw);
  return true;
}

/** Whether the word at `i` is a nationality adjective (الجزائري, Algerian) by itself. */
function isAdjectiveAt(g: Gazetteer, terms: Term[], i: number): boolean {
  if (i >= terms.length) return false;
  for (const r of readings(terms[i].exact)) {
    const node = g.root.get(r.key);
    if (node?.forms.some((f) => f.via === 'adjective' && f.entity.kind === 'country' && f.keys.length === 1)) return true;
  }
  return false;
}

function formFits(g: Gazetteer, text: string, terms: Term[], form: NameForm, first: number, last: number, clitics: number): boolean {
  for (let k = 0; k < form.cases.length; k++) {
    const t = terms[first + k];
    if (!caseFits(form.cases[k], text.slice(t.start, t.end))) return false;
  }
  if (form.needsContext && clitics === 0) {
    const prev = terms[first - 1];
    if (!prev || text.slice(prev.end, terms[first].start).trim() !== '') return false;
    const p = prev.exact;
    if (!form.needsContext.has(p) && !(p.length > 2 && 'وف'.includes(p[0]) && form.needsContext.has(p.slice(1)))) return false;
  }
  const next = terms[last + 1];
  if (next && text.slice(terms[last].end, next.start).trim() === '') {
    if (form.notFollowedBy?.has(next.exact)) return false;
    if (form.notFollowedByAdjective && isAdjectiveAt(g, terms, last + 1)) return false;
  }
  return true;
}

/** The longest name starting at word `i`, if any. */
function longestAt(g: Gazetteer, text: string, terms: Term[], i: number): Hit | null {
  let best: Hit | null = null;
  for (const first of readings(terms[i].exact)) {
    let node: TrieNode | undefined = g.root.get(first.key);
    let j = i;
    while (node) {
      for (const form of node.forms) {
        if (best && (j < best.last || (j === best.last && first.clitics >= best.clitics))) break;
        if (formFits(g, text, terms, form, i, j, first.clitics)) {
          best = { form, first: i, last: j, clitics: first.clitics };
          break;
        }
      }
      const nextTerm = terms[j + 1];
      if (!nextTerm || nextTerm.start - terms[j].end > 3) break;
      const gap = gapOf(text.slice(terms[j].end, nextTerm.start));
      let child: TrieNode | undefined;
      for (const r of readings(nextTerm.exact)) {
        const c = node.next.get(r.key);
        if (c && c.forms.every((f) => f.gaps[j - i] === gap || f.gaps.length <= j - i) && (c.forms.length > 0 || c.next.size > 0)) {
          child = c;
          break;
        }
      }
      node = child;
      j++;
    }
  }
  return best;
}

/** Where a name starts in the original once `clitics` normalized letters are skipped (harakat after them too). */
function startAfterClitics(text: string, start: number, end: number, clitics: number): number {
  let pos = start;
  let seen = 0;
  while (pos < end && seen < clitics) {
    pos++;
    seen++;
    while (pos < end && /[\u064b-\u0652\u0670\u0640]/.test(text[pos])) pos++;
  }
  return pos;
}

function attachTitle(g: Gazetteer, text: string, terms: Term[], m: Mention, first: number, adjectiveAt: (i: number) => boolean): void {
  // Between a title and the name only nationality adjectives may stand (الرئيس الجزائري عبد المجيد تبون).
  for (let gap = 0; gap <= 2; gap++) {
    const end = first - gap;
    if (end <= 0) return;
    if (gap > 0 && !adjectiveAt(end)) return;
    for (let len = Math.min(g.titleWords, end); len >= 1; len--) {
      const from = end - len;
      const words = terms.slice(from, end);
      if (/[.،,;؛:!?؟]/.test(text.slice(words[0].end, terms[first].start).replace(/\b[A-Z][a-z]{0,3}\./g, ''))) continue;
      for (const r of readings(words[0].exact)) {
        const key = [r.key, ...words.slice(1).map((w) => w.exact)].join(' ');
        if (g.titles.has(key)) {
          const s = startAfterClitics(text, words[0].start, words[0].end, r.clitics);
          m.title = { text: text.slice(s, words[len - 1].end), start: s, end: words[len - 1].end };
          return;
        }
      }
    }
  }
}

/**
 * Every entity the gazetteer finds in `text`, in order, without overlaps (the longest name wins).
 * Names of both scripts are found in any text, whatever `lang` says.
 * @example recognize('أجرى الرئيس تبون اتصالاً مع بوتين وموسكو', 'ar').map((m) => m.id) // → ['abdelmadjid-tebboune', 'vladimir-putin', 'RU']
 */
export function recognize(text: string, _lang?: string, g: Gazetteer = defaultGazetteer()): Mention[] {
  const terms = words(text);
  const mentions: Mention[] = [];
  const firstWord: number[] = [];
  const adjectiveWords = new Set<number>();
  for (let i = 0; i < terms.length; ) {
    const hit = longestAt(g, text, terms, i);
    if (!hit) {
      i++;
      continue;
    }
    const { form } = hit;
    const start = startAfterClitics(text, terms[hit.first].start, terms[hit.first].end, hit.clitics);
    let end = terms[hit.last].end;
    const last = terms[hit.last];
    if (last.exact !== form.keys[form.keys.length - 1]) {
      // Matched through its possessive (Haftar's): the mention is the name alone.
      const cut = text.slice(last.start, end).search(/['’ʼ]s?$/u);
      if (cut > 0) end = last.start + cut;
    }
    mentions.push({
      kind: form.entity.kind,
      id: form.entity.id,
      start,
      end,
      text: text.slice(start, end),
      via: form.via,
      country: form.entity.kind === 'region' ? null : form.entity.country,
    });
    firstWord.push(hit.first);
    if (form.via === 'adjective' || (form.entity.kind === 'country' && hit.first === hit.last)) adjectiveWords.add(hit.first);
    i = hit.last + 1;
  }
  mentions.forEach((m, k) => {
    if (m.kind === 'person') attachTitle(g, text, terms, m, firstWord[k], (w) => adjectiveWords.has(w - 1) || adjectiveWords.has(w));
  });
  return mentions;
}
