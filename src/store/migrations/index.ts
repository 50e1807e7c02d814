/**
 * @module The ordered list of migrations. Names sort in the order they run; a module that keeps its own
 * tables adds its migration here (one line). A database that has run a migration not in this list was
 * written by a newer Mizan and is refused.
 */
import type { Migration } from 'kysely';
import * as core from './001-core.ts';
import * as search from './002-search.ts';
import * as editorial from './004-editorial.ts';
import * as sources from './005-sources.ts';
import * as knowledge from './006-knowledge.ts';
import * as searchHead from './007-search-head.ts';
import * as searchPairs from './008-search-pairs.ts';
import * as media from './030-media.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '001-core': core,
  '002-search': search,
  '004-editorial': editorial,
  '005-sources': sources,
  '006-knowledge': knowledge,
  '007-search-head': searchHead,
  '008-search-pairs': searchPairs,
  '030-media': media,
};
