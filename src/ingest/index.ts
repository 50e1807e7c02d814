/**
 * @module ingest: importers that recover what a page was. Scraped text, HTML, Markdown with front
 * matter and Article JSON come in; validated Articles and honest warnings come out. Pure: no database.
 */
export { detectFormat, FORMATS, type Format } from './detect-format.ts';
export { readPage, type ParsedFile, type PageInput } from './read-page.ts';
export { toMarkdown } from './markdown/to-markdown.ts';
export { toJson } from './read-json.ts';
export { canonicalUrl, looksTruncated } from './canonical-url.ts';
export { collectSources } from './collect-sources.ts';
export { countryCode } from './country-code.ts';
export { MAX_PAGE_BYTES } from './decode-page.ts';
