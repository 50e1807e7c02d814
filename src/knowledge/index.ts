/**
 * @module knowledge: what an analysis speaks of — countries, people, organizations, regions, dated events,
 * figures and their sources — read from text with a gazetteer in both scripts. Built on src/text. Reading
 * (`recognize`, `tagArticle`) is pure; `saveTags` and the readers keep the result in the knowledge tables;
 * the use case that runs on every save is `src/app/tag-article.ts`. Design: docs/knowledge.md.
 */
export type { Entity, EntityKind, Mention, MentionVia, Event, Figure, TaggedEntity, Precision } from './entity.ts';
export { createGazetteer, defaultGazetteer, entityKey, type Gazetteer } from './gazetteer.ts';
export { recognize } from './recognize.ts';
export { tagArticle, type ArticleTags, type TaggableArticle } from './tag-article.ts';
export { expandQuery } from './expand-query.ts';
export { sentences } from './sentences.ts';
export { countryNames } from './country-names.ts';
export { saveTags, saveTagsOfMany, clearPublishedTags, removeTags, decideEntity, articleEntities, entitiesOfKind, countryKnowledge, relationKnowledge } from './knowledge-store.ts';
export type { Decision, ArticleEntity, CountryKnowledge, RelationKnowledge, KnowledgeArticle } from './knowledge-store.ts';
export { readerEvents, inPageLanguage, type ReaderEvent } from './reader-events.ts';
export { citeArticle, cslItem, CITE_FORMATS, CITE_CONTENT_TYPES, type CiteFormat } from './cite-article.ts';
