/** @module model: Mizan's domain types and the schemas that validate them at boundaries. */
export * from './lang.ts';
export * from './article-type.ts';
export * from './article.ts';
export * from './warning.ts';
export * from './expert.ts';
export * from './paths.ts';
export * from './article-state.ts';
export * from './site-config.ts';
export * from './field-error.ts';
export * from './iso-date.ts';
