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
import * as mail from './050-mail.ts';
import * as mailBounces from './051-mail-bounces.ts';
import * as articleOwners from './009-article-owners.ts';
import * as arabicFolding from './060-arabic-folding.ts';
import * as autosave from './040-autosave.ts';
import * as contentChanges from './070-content-changes.ts';
import * as review from './041-review.ts';
import * as eventPlace from './061-event-place.ts';
import * as searchAlign from './062-search-align.ts';
import * as media from './030-media.ts';
import * as listingIndex from './071-listing-index.ts';
import * as searchStatistics from './072-search-statistics.ts';
import * as searchTermFacets from './073-search-term-facets.ts';
import * as translationSources from './080-translation-sources.ts';
import * as importMarks from './081-import-marks.ts';
import * as siteSettings from './090-site-settings.ts';
import * as mediaAlt from './091-media-alt.ts';
import * as expertPhotos from './092-expert-photos.ts';
import * as importMarkState from './120-import-mark-state.ts';
import * as taMarbutaStems from './121-ta-marbuta-stems.ts';
import * as reviewMail from './135-review-mail.ts';
import * as hamzaSeats from './136-hamza-seats.ts';
import * as setupTokens from './140-setup-tokens.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '001-core': core,
  '002-search': search,
  '004-editorial': editorial,
  '005-sources': sources,
  '006-knowledge': knowledge,
  '007-search-head': searchHead,
  '008-search-pairs': searchPairs,
  '050-mail': mail,
  '051-mail-bounces': mailBounces,
  '009-article-owners': articleOwners,
  '060-arabic-folding': arabicFolding,
  '040-autosave': autosave,
  '070-content-changes': contentChanges,
  '041-review': review,
  '061-event-place': eventPlace,
  '062-search-align': searchAlign,
  '030-media': media,
  '071-listing-index': listingIndex,
  '072-search-statistics': searchStatistics,
  '073-search-term-facets': searchTermFacets,
  '080-translation-sources': translationSources,
  '081-import-marks': importMarks,
  '090-site-settings': siteSettings,
  '091-media-alt': mediaAlt,
  '092-expert-photos': expertPhotos,
  '120-import-mark-state': importMarkState,
  '121-ta-marbuta-stems': taMarbutaStems,
  '135-review-mail': reviewMail,
  '136-hamza-seats': hamzaSeats,
  '140-setup-tokens': setupTokens,
};
