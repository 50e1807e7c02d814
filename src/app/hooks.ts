/**
 * @module What must follow every write of an article, in the writing transaction: the search index and
 * the knowledge tags. Listed here, in one place, so a new derived structure is one line.
 */
import type { Article } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { unindexArticle } from '../search/index.ts';
import { tagAndStore, untagArticle } from './tag-article.ts';
import { indexWithCountries } from './index-with-countries.ts';
import { queueAlerts } from './mail/queue-alerts.ts';

export type AfterSave = (tx: Store, article: Article) => Promise<void>;
export type AfterDelete = (tx: Store, id: string) => Promise<void>;

/** Tags first: the index's country facet is written from them (index-with-countries.ts). */
export const afterSaveHooks: AfterSave[] = [tagAndStore, indexWithCountries];
export const afterDeleteHooks: AfterDelete[] = [async (tx, id) => void (await unindexArticle(tx, id)), untagArticle];

/** What an article's going live causes (an editor's publish, or a scheduled one coming due), in the same transaction. */
export const afterPublishHooks: AfterSave[] = [async (tx, article) => void (await queueAlerts(tx, article))];
