/**
 * @module "Cite this": an article as CSL-JSON, BibTeX or RIS. The one adapter over citation-js
 * (`@citation-js/core` with its BibTeX and RIS plugins); replacing the library means rewriting this file.
 */
import { createRequire } from 'node:module';
import { MizanError } from '../lib/index.ts';
import type { Article } from '../model/index.ts';

const require = createRequire(import.meta.url);

interface CiteInstance {
  format(style: string, opts: { format: 'text' | 'object' }): unknown;
}
interface CitationJs {
  Cite: new (data: unknown[]) => CiteInstance;
  plugins: { config: { get(name: string): { format: Record<string, boolean> } } };
}

let lib: CitationJs | undefined;
function citationJs(): CitationJs {
  if (lib) return lib;
  lib = require('@citation-js/core') as CitationJs;
  require('@citation-js/plugin-bibtex');
  require('@citation-js/plugin-ris');
  // Arabic titles and names must survive: no ASCII-only LaTeX escaping; our own id is the BibTeX key.
  const bibtex = lib.plugins.config.get('@bibtex');
  bibtex.format.useIdAsLabel = true;
  bibtex.format.asciiOnly = false;
  return lib;
}

export const CITE_FORMATS = ['csl', 'bibtex', 'ris'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

export const CITE_CONTENT_TYPES: Record<CiteFormat, string> = {
  csl: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
};

type CslName = { literal: string } | { given: string; family: string };

/** Latin names split into given and family; Arabic ones stay whole (their order is not Western). */
function cslName(name: string): CslName {
  const parts = name.trim().split(/\s+/);
  if (/[\u0600-\u06ff]/.test(name) || parts.length < 2) return { literal: name.trim() };
  return { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1] };
}

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
  const cite = new (citationJs().Cite)([item]);
  return String(cite.format(format, { format: 'text' })).trim() + '\n';
}
