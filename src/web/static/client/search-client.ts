/**
 * @module The search page of a static copy with no Mizan server behind it: runs in the browser, over the
 * index `mizan build` wrote (static/search-index.ts). The query goes through THE analyzer (src/text,
 * bundled by esbuild), so "الامن" meets "الأمن" here exactly as it does on the server.
 */
import { analyze } from '../../../text/analyze.ts';
import { indexToken } from '../../../search/index-token.ts';
import type { StaticIndex } from '../search-index.ts';
import { SEARCH_STRINGS } from '../../routes/search-strings.ts';
import { formatNumber } from '../../i18n/format-number.ts';
import { pluralOf } from '../../i18n/plural-of.ts';

/**
 * The count line of `n` hits in `lang`: the word by Arabic's (or English's) plural category, the number
 * in the site's digits.
 *
 * @example resultCount('ar', 3) // → '3 نتائج'
 * @example resultCount('ar', 11) // → '11 نتيجة'
 * @example resultCount('en', 1) // → '1 result'
 */
export function resultCount(lang: 'ar' | 'en', n: number): string {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } = SEARCH_STRINGS[lang].count;
  return (forms[pluralOf(lang, n)] ?? forms.other).replace('{n}', formatNumber(lang, n));
}

/** The stems a query is looked up by (stop words count only when the query is nothing else). */
function queryStems(q: string, lang: string): string[] {
  const terms = analyze(q, lang);
  const words = terms.some((t) => !t.stop) ? terms.filter((t) => !t.stop) : terms;
  return [...new Set(words.map((t) => indexToken(t.term)).filter(Boolean))];
}

/** Documents holding every stem of `q`, best first. */
export function searchIndex(index: StaticIndex, q: string, lang: string): number[] {
  const stems = queryStems(q, lang);
  if (stems.length === 0) return [];
  let scores: Map<number, number> | undefined;
  for (const stem of stems) {
    const postings = index.terms[stem] ?? [];
    const next = new Map<number, number>();
    for (let i = 0; i < postings.length; i += 2) {
      const doc = postings[i];
      if (!scores || scores.has(doc)) next.set(doc, (scores?.get(doc) ?? 0) + postings[i + 1]);
    }
    scores = next;
  }
  const published = (d: number) => index.docs[d][3] ?? '';
  return [...scores!].sort((a, b) => b[1] - a[1] || published(b[0]).localeCompare(published(a[0]))).map(([d]) => d);
}

/**
 * The attachment of document `doc` where the words of `q` were found, when its own text holds none of
 * them (as the server's hit says "found in the attached PDF"); otherwise undefined.
 */
export function foundInAttachment(index: StaticIndex, q: string, lang: string, doc: number): [src: string, title: string] | undefined {
  const files = index.docs[doc][5] ?? [];
  if (!files.length) return undefined;
  let first: number | undefined;
  for (const stem of queryStems(q, lang)) {
    const list = index.attached?.[stem] ?? [];
    let at: number | undefined;
    for (let i = 0; i < list.length; i += 2) if (list[i] === doc) at = list[i + 1];
    if (at === undefined) return undefined;
    first = first === undefined ? at : Math.min(first, at);
  }
  return first === undefined ? undefined : files[first];
}

async function run(): Promise<void> {
  const script = document.currentScript ?? document.querySelector('script[data-search-index]');
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const input = document.querySelector<HTMLInputElement>('.search-form input[name=q]');
  if (input) input.value = q;
  if (!q || !script) return;
  const lang = document.documentElement.lang === 'ar' ? 'ar' : 'en';
  const index = (await (await fetch(script.getAttribute('data-search-index')!)).json()) as StaticIndex;
  const found = searchIndex(index, q, lang);
  const list = document.querySelector('ol.hits');
  const count = document.querySelector('.result-count');
  if (count) count.textContent = resultCount(lang, found.length);
  if (!list) return;
  // The page as built lists the newest articles (a search with no words): replaced by the matches.
  let empty = document.querySelector('.search-results .empty');
  if (!empty) {
    empty = document.createElement('p');
    empty.className = 'empty';
    list.before(empty);
  }
  empty.textContent = found.length ? '' : SEARCH_STRINGS[lang].none;
  document.querySelector('.search-results .pager')?.remove();
  list.replaceChildren(
    ...found.slice(0, 100).map((d) => {
      const [path, title, docLang, published, summary] = index.docs[d];
      const li = document.createElement('li');
      li.className = 'hit';
      if (docLang !== lang) {
        li.lang = docLang;
        li.dir = docLang === 'ar' ? 'rtl' : 'ltr';
      }
      const h = li.appendChild(document.createElement('h2'));
      h.className = 'hit-title';
      const a = h.appendChild(document.createElement('a'));
      a.href = path;
      a.textContent = title;
      const file = foundInAttachment(index, q, lang, d);
      if (file) {
        const p = li.appendChild(document.createElement('p'));
        p.className = 'attachment-label';
        p.lang = lang;
        p.dir = lang === 'ar' ? 'rtl' : 'ltr';
        p.append(`${SEARCH_STRINGS[lang].inAttachment} `);
        const link = p.appendChild(document.createElement('a'));
        link.href = file[0];
        link.type = 'application/pdf';
        link.appendChild(document.createElement('bdi')).textContent = file[1];
      }
      if (summary) {
        const p = li.appendChild(document.createElement('p'));
        p.className = 'snippet';
        p.textContent = summary;
      }
      if (published) {
        const meta = li.appendChild(document.createElement('p'));
        meta.className = 'hit-meta';
        const time = meta.appendChild(document.createElement('time'));
        time.dateTime = published;
        time.textContent = published;
      }
      return li;
    }),
  );
}

if (typeof document !== 'undefined') void run();
