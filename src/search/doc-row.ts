/** @module The `search_doc` row of a document: one shape for saving one article and for a rebuild's batches. */
import type { SearchDialect } from './dialects/dialect.ts';
import { encodeHead } from './head.ts';
import type { SearchDoc } from './search-doc.ts';

/** The row's columns but the engine's tokens: what a rebuild on PostgreSQL sends beside its own vectors. */
export function docColumns(doc: SearchDoc, rid: number, grp: string) {
  return {
    rid,
    id: doc.id,
    lang: doc.lang,
    type: doc.type,
    title: doc.title,
    path: doc.path,
    published: doc.published,
    year: doc.year,
    fresh: doc.fresh,
    grp,
    tags: doc.tags.map((t) => `${t.facet}\t${t.value}`).join('\n'),
    head: Buffer.from(encodeHead(doc)),
  };
}

/** The row `doc` is stored as, with its row id and translation group. */
export function docRow(doc: SearchDoc, rid: number, grp: string, dialect: SearchDialect) {
  return { ...docColumns(doc, rid, grp), ...dialect.rowTokens(doc) };
}
