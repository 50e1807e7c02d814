/**
 * @module The read API: `/api/articles` (paged), `/api/articles/:id` (Article JSON), `/api/openapi.json`,
 * and `/healthz` (the database checked). Each route describes itself in the OpenAPI registry.
 */
import type { Hono } from 'hono';
import { translationOfJson, withCountries } from '../../app/index.ts';
import { NotFoundError } from '../../lib/index.ts';
import { isLang } from '../../model/index.ts';
import { MizanError } from '../../lib/index.ts';
import { limitParam, pageParam, typeParam } from '../http/params.ts';
import { addApiRoute, openApiDocument, PAGE_PARAMETERS } from '../openapi.ts';
import { sendJson } from '../send.ts';
import { readsOf } from '../read-cache.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';

const ARTICLE_REF = {
  type: 'object',
  description: 'Article JSON as in CONTRACTS.md',
  required: ['id', 'lang', 'title', 'path', 'body'],
  properties: {
    // The article's image and files (docs/media.md).
    image: {
      type: 'object',
      nullable: true,
      required: ['src', 'alt', 'width', 'height'],
      properties: { src: { type: 'string', description: '/media/<hash> or an http(s) address' }, alt: { type: 'string' }, width: { type: 'integer', nullable: true }, height: { type: 'integer', nullable: true } },
    },
    translationOf: {
      type: 'object',
      nullable: true,
      description: 'The published article this one translates: the source version it was made from, the version now, and whether the source changed since',
      required: ['id', 'lang', 'path', 'sourceVersion', 'currentVersion', 'outdated'],
      properties: { id: { type: 'string' }, lang: { type: 'string' }, path: { type: 'string' }, sourceVersion: { type: 'integer' }, currentVersion: { type: 'integer' }, outdated: { type: 'boolean' } },
    },
    attachments: {
      type: 'array',
      description: 'Files the article carries (PDFs), stored once by content hash; their text is searchable (docs/media.md).',
      items: {
        type: 'object',
        required: ['src', 'title', 'type', 'bytes', 'lang'],
        properties: { src: { type: 'string', description: '/media/<hash>.pdf' }, title: { type: 'string' }, type: { type: 'string', enum: ['application/pdf'] }, bytes: { type: 'integer', description: 'Size in bytes' }, lang: { type: 'string', nullable: true, description: 'The language the file is written in' } },
      },
    },
  },
};
const SUMMARY = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    lang: { type: 'string' },
    type: { type: 'string' },
    typeLabel: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    published: { type: ['string', 'null'] },
    path: { type: 'string' },
    authors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, path: { type: 'string' } } } },
  },
};

addApiRoute({
  path: '/api/articles',
  method: 'get',
  summary: 'List articles, newest first',
  tags: ['articles'],
  parameters: [
    { name: 'lang', in: 'query', description: 'Only articles in this language.', schema: { type: 'string', enum: ['ar', 'en'] } },
    { name: 'type', in: 'query', description: 'Only articles of this type.', schema: { type: 'string' } },
    ...PAGE_PARAMETERS,
  ],
  responses: {
    200: { description: 'A page of article summaries', schema: { type: 'object', properties: { total: { type: 'integer' }, page: { type: 'integer' }, limit: { type: 'integer' }, items: { type: 'array', items: SUMMARY } } } },
    400: { description: 'A bad parameter' },
  },
});
addApiRoute({
  path: '/api/articles/{id}',
  method: 'get',
  summary: 'One article as Article JSON',
  tags: ['articles'],
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
  responses: { 200: { description: 'The article', schema: ARTICLE_REF }, 404: { description: 'No such article' } },
});
addApiRoute({
  path: '/api/openapi.json',
  method: 'get',
  summary: 'This description of the API',
  tags: ['meta'],
  responses: { 200: { description: 'An OpenAPI 3.1 document', schema: { type: 'object', required: ['openapi', 'info', 'paths'], properties: { openapi: { type: 'string' }, info: { type: 'object' }, paths: { type: 'object' } } } } },
});
addApiRoute({
  path: '/healthz',
  method: 'get',
  summary: 'Liveness, with the database checked',
  tags: ['meta'],
  responses: {
    200: { description: 'Serving', schema: { type: 'object', properties: { status: { const: 'ok' }, articles: { type: 'integer' }, engine: { type: 'string' } } } },
    503: { description: 'The database does not answer' },
  },
});

// `/api/search` belongs to src/web/routes/search.tsx; it is described here, from CONTRACTS.md, so the
// document is whole. A description added by that module itself replaces this one.
addApiRoute({
  path: '/api/search',
  method: 'get',
  summary: 'Search articles in every language; an article and its translations are one hit',
  tags: ['search'],
  parameters: [
    { name: 'q', in: 'query', description: 'The query: words, "phrases", -exclusions, OR.', schema: { type: 'string', maxLength: 500 } },
    { name: 'lang', in: 'query', schema: { type: 'string', enum: ['ar', 'en'] } },
    { name: 'type', in: 'query', schema: { type: 'string' } },
    { name: 'topic', in: 'query', schema: { type: 'string' } },
    { name: 'region', in: 'query', schema: { type: 'string' } },
    { name: 'country', in: 'query', schema: { type: 'string' } },
    { name: 'expert', in: 'query', schema: { type: 'string' } },
    { name: 'from', in: 'query', description: 'Published on or after (YYYY-MM-DD).', schema: { type: 'string' } },
    { name: 'to', in: 'query', description: 'Published on or before (YYYY-MM-DD).', schema: { type: 'string' } },
    { name: 'sort', in: 'query', schema: { type: 'string', enum: ['relevance', 'date'] } },
    { name: 'verbatim', in: 'query', description: 'The words as typed only: no typo correction.', schema: { type: 'string', enum: ['1', '0'] } },
    PAGE_PARAMETERS[0],
  ],
  responses: {
    200: {
      description: 'Hits with snippets and facets',
      schema: { type: 'object', required: ['total', 'hits', 'facets'], properties: { total: { type: 'integer' }, hits: { type: 'array', description: 'A hit in another language than the query, found only through its translations (terms learned from the institute’s translated articles, and names), carries crossLanguage: true and comes after the others.', items: { type: 'object', properties: { crossLanguage: { type: 'boolean' }, attachment: { type: 'object', description: 'Present when the words were found only in an attached PDF: the snippet is cut from its text.', required: ['src', 'title'], properties: { src: { type: 'string' }, title: { type: 'string' } } } } } }, facets: { type: 'object' }, notice: { type: 'string' }, correction: { type: 'object', properties: { query: { type: 'string' }, original: { type: 'string' } } } } },
    },
    400: { description: 'A bad parameter' },
  },
});

export function registerApi(app: Hono, deps: WebDeps): void {
  app.get('/api/articles', async (c) => {
    const lang = c.req.query('lang') || undefined;
    if (lang !== undefined && !isLang(lang)) throw new MizanError('bad-lang', `lang must be a language the site publishes in, not '${lang.slice(0, 20)}'`, { status: 400 });
    const type = typeParam(c.req.query('type'));
    const page = pageParam(c.req.query('page'));
    const limit = limitParam(c.req.query('limit'));
    const list = await readsOf(deps).listArticles({ lang, type, limit, offset: (page - 1) * limit });
    return sendJson(c, { total: list.total, page, limit, items: list.items });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const article = await readsOf(deps).getArticle(id);
    if (!article) throw new NotFoundError(`no article with id '${id.slice(0, 80)}'`);
    // Which published article this one translates, and whether that source changed since (docs/contract-extensions.md).
    return sendJson(c, { ...(await withCountries(deps.store, article)), translationOf: await translationOfJson(deps.store, article.id, { publicOnly: true }) });
  });

  app.get('/api/openapi.json', (c) => sendJson(c, openApiDocument(absoluteUrl(deps, c.req.url, ''))));

  app.get('/healthz', async (c) => {
    c.header('cache-control', 'no-store');
    try {
      const articles = await deps.store.countArticles();
      return c.json({ status: 'ok', engine: deps.store.engine, articles });
    } catch (err) {
      return c.json({ status: 'error', error: { code: 'database', message: (err as Error).message } }, 503);
    }
  });
}
