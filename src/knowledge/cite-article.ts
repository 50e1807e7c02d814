/**
 * @module "Cite this": an article as CSL-JSON, BibTeX or RIS, all three from one CSL item. RIS and BibTeX
 * are written by citation-formats.ts; every output is read back by independent tools in the tests
 * (bibutils, citeproc-js).
 */
import { MizanError } from '../lib/index.ts';
import type { Article } from '../model/index.ts';
import { slugify } from '../text/index.ts';
import { bibtex, ris, type CitationFields } from './citation-formats.ts';
import { cslName } from './citation-names.ts';

export const CITE_FORMATS = ['csl', 'bibtex', 'ris'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

export const CITE_CONTENT_TYPES: Record<CiteFormat, string> = {
  csl: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
};

/**
 * The first author's family name as a key's first part: the family `cslName` gives the RIS and CSL
 * author (the name's last naming unit), transliterated as the author's page address is (the slugger) and
 * kept to ASCII letters and digits. A Latin-script family keeps its last word only (`van der Berg` →
 * `berg`, as reference managers key it); an Arabic one keeps the particle that belongs to it (`بن عمر` →
 * `bnmr`, `آل سعود` → `alswd`, `أبو زيد` → `abwzyd`), which is part of the name as it is cited. A name
 * of one word is its own key part; one the slugger cannot write (another script) falls back to the
 * first word of the author's slug, then `mizan`.
 *
 * @example keyName({ slug: 'sabyna-hynbrj', name: 'سابينا هينبرج' }) // → 'hynbrj'
 * @example keyName({ slug: 'lyla-bn-amr', name: 'ليلى بن عمر' })     // → 'bnmr'
 * @example keyName({ slug: 'jan-van-der-berg', name: 'Jan van der Berg' }) // → 'berg'
 */
function keyName(author: { slug: string; name: string } | undefined): string {
  if (!author) return 'mizan';
  const n = cslName(author.name);
  const family = 'literal' in n ? n.literal : n.family;
  const arabic = /[\u0600-\u06ff]/.test(family);
  const words = family.trim().split(/\s+/);
  const part = arabic ? family : words[words.length - 1]!;
  const ascii = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ascii(slugify(part)) || ascii(author.slug.split('-')[0] ?? '') || 'mizan';
}

/**
 * A citation key: the first author's family name (`keyName`), the year, and four characters of the id
 * that tell two pieces by one author in one year apart: `hynbrj2023ab12`.
 */
function citationKey(article: Article): string {
  return `${keyName(article.authors[0])}${article.published?.slice(0, 4) ?? 'nd'}${article.id.slice(0, 4)}`;
}

/**
 * The CSL-JSON item of an article (a report by its institute).
 * @example cslItem(article, { url: 'https://x.org/ar/policy-analysis/y', publisher: 'Mizan' }).type // → 'report'
 */
export function cslItem(article: Article, opts: { url: string; publisher: string; accessed?: string }): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: citationKey(article),
    type: 'report',
    title: article.title,
    author: article.authors.map((a) => cslName(a.name)),
    publisher: opts.publisher,
    genre: article.typeLabel,
    language: article.lang,
    URL: opts.url,
  };
  if (article.published) item.issued = { 'date-parts': [article.published.split('-').map(Number)] };
  if (article.summary) item.abstract = article.summary;
  if (article.series) {
    item['collection-title'] = article.series.name;
    item.number = String(article.series.number);
  }
  if (opts.accessed) item.accessed = { 'date-parts': [opts.accessed.split('-').map(Number)] };
  return item;
}

/**
 * An article's citation in `format`.
 * @example citeArticle(article, 'ris', { url, publisher: 'Mizan' }) // → 'TY  - RPRT\nAU  - …'
 */
export function citeArticle(article: Article, format: string, opts: { url: string; publisher: string; accessed?: string }): string {
  if (!(CITE_FORMATS as readonly string[]).includes(format)) {
    throw new MizanError('bad-format', `format must be one of ${CITE_FORMATS.join(', ')}, not '${format.slice(0, 20)}'`, { status: 400 });
  }
  const item = cslItem(article, opts);
  if (format === 'csl') return JSON.stringify([item], null, 2);
  const fields: CitationFields = {
    key: item.id as string,
    title: article.title,
    authors: article.authors.map((a) => cslName(a.name)),
    issued: article.published ? article.published.split('-').map(Number) : null,
    accessed: opts.accessed ? opts.accessed.split('-').map(Number) : null,
    publisher: opts.publisher,
    genre: article.typeLabel,
    language: article.lang,
    url: opts.url,
    abstract: article.summary || null,
    series: article.series?.name ?? null,
    number: article.series ? String(article.series.number) : null,
  };
  return format === 'ris' ? ris(fields) : bibtex(fields);
}
