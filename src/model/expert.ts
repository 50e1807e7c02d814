/**
 * @module Experts (authors) and taxonomy terms. One identity has a name, slug, title and bio per language,
 * so a third language is more rows, not more columns.
 */

export interface ExpertName {
  lang: string;
  slug: string;
  name: string;
  title: string | null;
  bio: string;
  path: string;
}

export interface Expert {
  id: string;
  names: ExpertName[];
}

export const TERM_KINDS = ['topic', 'region', 'country'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export interface TermName {
  lang: string;
  slug: string;
  name: string;
  path: string;
}

export interface Term {
  id: string;
  kind: TermKind;
  names: TermName[];
}
