/**
 * @module An article's editorial state as it travels in an export: where it stands in the workflow and,
 * when scheduled, when it goes out. Only `published` articles are public; an import keeps the state a
 * file declares, so exporting and importing never publishes private work.
 */
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface ArticleState {
  status: ArticleStatus;
  /** ISO time a scheduled article is published at; null otherwise. */
  publishAt: string | null;
}

export function isArticleStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value);
}
