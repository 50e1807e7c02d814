/** @module The editors' side's use cases: writing, the workflow, revisions, translations, taxonomy, imports, knowledge review. */
export * from './errors.ts';
export * from './editor.ts';
export * from './ownership.ts';
export * from './sanitize.ts';
export * from './body-markdown.ts';
export * from './body-json.ts';
export * from './autosave.ts';
export * from './experts.ts';
export * from './line-diff.ts';
export * from './revisions.ts';
export * from './workflow.ts';
export * from './edit-article.ts';
export * from './manage-articles.ts';
export * from './translations-report.ts';
export * from './taxonomy.ts';
export * from './article-form.ts';
export * from './review-entities.ts';
