/**
 * @module "Cite this": an article as CSL-JSON, BibTeX or RIS, all three from one CSL item. RIS and BibTeX
 * are written by citation-formats.ts; every output is read back by independent tools in the tests
 * (bibutils, citeproc-js).
 */
import { MizanError } from '../lib/index.ts';
import type { Article } from '../model/index.ts';
import { bibtex, ris, type CitationFields } from './citation-formats.ts';
import { cslName } from './citation-names.ts';

export const CITE_FORMATS = ['csl', 'bibtex', 'ris'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

export const CITE_CONTENT_TYPES: Record<CiteFormat, string> = {
  csl: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
};

/** A citation key: first author's slug, year and a few characters of the id (`lyly2023ab12`). */
function citationKey(article: Article): string {
  const who = (article.authors[0]?.slug ?? 'mizan').split('-')[0].replace(/[^a-z0-9]/g, '') || 'mizan';
  return `${who}${article.published?.slice(0, 4) ?? 'nd'}${article.id.slice(0, 4)}`;
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
