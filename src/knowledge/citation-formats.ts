/**
 * @module RIS and BibTeX written from an article's CSL item. Our own few lines rather than citation-js's
 * writers, which wrapped RIS lines at 70 characters (bibutils then read the URL with a space inside and
 * lost the abstract's tail), wrote unpadded RIS dates and `month = {may 18}` in BibTeX. Both outputs are
 * checked by bibutils (ris2xml, bib2xml) in the tests.
 */
import type { CslName } from './citation-names.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface CitationFields {
  key: string;
  title: string;
  authors: CslName[];
  /** [year, month?, day?] */
  issued: number[] | null;
  accessed: number[] | null;
  publisher: string;
  genre: string;
  language: string;
  url: string;
  abstract: string | null;
  series: string | null;
  number: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One RIS value on one line: line breaks and tabs become spaces, never a wrapped continuation line. */
function risValue(s: string): string {
  return s.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** RIS date `YYYY/MM/DD/` (parts the date lacks stay empty: `2023//`). */
function risDate(parts: number[]): string {
  const [y, m, d] = parts;
  return `${y}/${m ? pad(m) : ''}/${d ? pad(d) : ''}/`;
}

function risName(n: CslName): string {
  return 'literal' in n ? n.literal : `${n.family}, ${n.given}`;
}

/**
 * @example ris(fields) // → 'TY  - RPRT\r\nTI  - …\r\nAU  - هينبرج, سابينا\r\n…\r\nER  - \r\n'
 */
export function ris(f: CitationFields): string {
  const lines: [string, string | null | undefined][] = [
    ['TY', 'RPRT'],
    ['ID', f.key],
    ['TI', f.title],
    ...f.authors.map((a): [string, string] => ['AU', risName(a)]),
    ['PY', f.issued ? String(f.issued[0]) : null],
    ['DA', f.issued ? risDate(f.issued) : null],
    ['PB', f.publisher],
    ['M3', f.genre],
    ['T3', f.series],
    ['M1', f.number],
    ['LA', f.language],
    ['UR', f.url],
    ['Y2', f.accessed ? risDate(f.accessed) : null],
    ['AB', f.abstract],
  ];
  const out = lines.filter(([, v]) => v).map(([tag, v]) => `${tag}  - ${risValue(v!)}`);
  return [...out, 'ER  - ', ''].join('\r\n');
}

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** A BibTeX value inside braces: TeX's specials escaped (so braces always balance), on one line. */
function bibValue(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIALS[c]!);
}

function bibName(n: CslName): string {
  // A literal name is braced whole so BibTeX does not split it.
  return 'literal' in n ? `{${bibValue(n.literal)}}` : `${bibValue(n.family)}, ${bibValue(n.given)}`;
}

/**
 * @example bibtex(fields) // → '@techreport{sabyna20233c42,\n  author = {هينبرج, سابينا and …},\n  month = may,\n  day = {18},\n  date = {2023-05-18},\n …}'
 */
export function bibtex(f: CitationFields): string {
  const [y, m, d] = f.issued ?? [];
  const fields: [string, string | null][] = [
    ['author', f.authors.length ? f.authors.map(bibName).join(' and ') : null],
    // Double braces keep the title's letter case as written.
    ['title', `{${bibValue(f.title)}}`],
    ['institution', bibValue(f.publisher)],
    ['type', bibValue(f.genre)],
    ['number', f.number ? bibValue(f.number) : null],
    ['series', f.series ? bibValue(f.series) : null],
    ['year', y ? String(y) : null],
    ['day', d ? String(d) : null],
    ['date', y ? [String(y), m ? pad(m) : null, d ? pad(d) : null].filter(Boolean).join('-') : null],
    ['language', f.language],
    ['url', f.url.replace(/[{}\s]/g, encodeURIComponent)],
    ['urldate', f.accessed ? f.accessed.map((p, i) => (i ? pad(p) : String(p))).join('-') : null],
    ['abstract', f.abstract ? bibValue(f.abstract) : null],
  ];
  const body = fields.filter(([, v]) => v !== null).map(([k, v]) => `  ${k} = {${v}}`);
  // The month is BibTeX's own macro (`may`), unbraced, so styles print it in the reader's language.
  if (m) body.splice(body.findIndex((line) => line.startsWith('  day =') || line.startsWith('  date =')), 0, `  month = ${MONTHS[m - 1]}`);
  return `@techreport{${f.key},\n${body.join(',\n')}\n}\n`;
}
