/**
 * @module ISRI, the root-extracting Arabic stemmer of Taghva, Elkhoury and Coombs ("Arabic Stemming
 * Without A Root Dictionary", ITCC 2005), written here from the paper's description for the benchmark
 * only (no code copied; the product never imports it). Steps: drop diacritics, fold hamza, strip the
 * article stacks and a doubled و, then length-gated suffixes, then match the word against the
 * derivational patterns of its length to pull out a three- or four-letter root.
 */

const DIACRITICS = /[\u064B-\u0652\u0640]/g;
const PREFIX3 = ['كال', 'بال', 'ولل', 'وال'];
const PREFIX2 = ['ال', 'لل'];
const SUFFIX3 = ['تمل', 'همل', 'تان', 'تين', 'كمل'];
const SUFFIX2 = ['ون', 'ات', 'ان', 'ين', 'تن', 'كم', 'هن', 'نا', 'يا', 'ها', 'تم', 'كن', 'ني', 'وا', 'ما', 'هم'];
const SUFFIX1 = ['ة', 'ه', 'ي', 'ك', 'ت', 'ا', 'ن'];
const PREFIX1 = ['ا', 'ي', 'ت', 'ن'];

/** Derivational patterns by length: ف ع ل (and a fourth root letter ر in quadriliterals) are the root's slots. */
const PATTERNS: Record<number, string[]> = {
  4: ['مفعل', 'فاعل', 'فعال', 'فعول', 'فعيل', 'فعلة', 'تفعل', 'افعل'],
  5: ['افتعل', 'افاعل', 'افعال', 'افعلة', 'تفعيل', 'تفاعل', 'تفعلة', 'فاعول', 'فاعيل', 'فعاأل', 'فعالة', 'فعيلة', 'فعولة', 'فعلان', 'فعلاأ', 'فواعل', 'مفعول', 'مفعال', 'مفعيل', 'مفاعل', 'مفعلة', 'منفعل', 'مفتعل', 'متفعل', 'فعالي'],
  6: ['استفعل', 'مستفعل', 'مفاعيل', 'افتعال', 'انفعال', 'مفاعلة', 'متفاعل', 'افعلاأ', 'تفعيلة', 'مفتعلة', 'منفعلة'],
  7: ['استفعال', 'مستفعلة'],
};

function matchPattern(w: string): string | null {
  for (const p of PATTERNS[w.length] ?? []) {
    let root = '';
    let ok = true;
    for (let i = 0; i < p.length; i++) {
      if ('فعل'.includes(p[i])) root += w[i];
      else if (p[i] !== w[i]) {
        ok = false;
        break;
      }
    }
    if (ok && root.length === 3) return root;
  }
  return null;
}

/** ISRI's stem (usually a root) of one word. */
export function isriStem(raw: string): string {
  let w = raw.replace(DIACRITICS, '').replace(/[ؤئء]/g, 'أ');
  for (const p of PREFIX3) if (w.length >= 6 && w.startsWith(p)) { w = w.slice(3); break; }
  if (w.length === raw.length) for (const p of PREFIX2) if (w.length >= 5 && w.startsWith(p)) { w = w.slice(2); break; }
  if (w.startsWith('وو')) w = w.slice(1);
  w = w.replace(/^[آأإ]/, 'ا');
  if (w.length <= 3) return w;
  for (const s of SUFFIX3) if (w.length >= 6 && w.endsWith(s)) { w = w.slice(0, -3); break; }
  for (const s of SUFFIX2) if (w.length >= 5 && w.endsWith(s)) { w = w.slice(0, -2); break; }
  // Patterns first; failing them, one more affix letter at a time, trying the patterns again.
  for (let round = 0; round < 3 && w.length > 3; round++) {
    const root = matchPattern(w);
    if (root) return root;
    const s = SUFFIX1.find((x) => w.endsWith(x));
    if (s && w.length > 3) { w = w.slice(0, -1); continue; }
    const p = PREFIX1.find((x) => w.startsWith(x));
    if (p && w.length > 3) { w = w.slice(1); continue; }
    break;
  }
  return w;
}
