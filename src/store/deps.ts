/** @module What the store takes from lower layers, in one place. */
export { ArticleSchema, expertPath, termPath } from '../model/index.ts';
export type { Article, ArticleType, TermKind } from '../model/index.ts';
export { MizanError } from '../lib/index.ts';
