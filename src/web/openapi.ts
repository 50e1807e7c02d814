/**
 * @module The API's OpenAPI description as data. Each API route appends its own entry with
 * `addApiRoute` when its module loads, so `/api/openapi.json` describes every route that exists.
 */

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

export interface ApiRoute {
  /** OpenAPI path template: `/api/articles/{id}`. */
  path: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: ApiParameter[];
  /** Status → description and an optional schema of the JSON answered. */
  responses: Record<string, ApiResponse>;
}

export interface ApiResponse {
  description: string;
  /** Schema of a JSON answer (`application/json`). */
  schema?: Record<string, unknown>;
  /** For answers that are not JSON (images, text): media type → schema of the body. */
  content?: Record<string, Record<string, unknown>>;
}

/** The schema of a body that is bytes, not JSON: an image, a PDF. */
export const BINARY_SCHEMA = { type: 'string', format: 'binary' };

/** The shared error shape every API route answers with on 4xx and 5xx. */
export const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
};

/** Paging parameters, the same on every API list. */
export const PAGE_PARAMETERS: ApiParameter[] = [
  { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'limit', in: 'query', description: 'Items per page.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];

const routes = new Map<string, ApiRoute>();

/**
 * Adds (or replaces) the description of one API route.
 *
 * @example addApiRoute({ path: '/api/search', method: 'get', summary: 'Search', responses: { 200: { description: 'hits' } } })
 */
export function addApiRoute(route: ApiRoute): void {
  routes.set(`${route.method} ${route.path}`, route);
}

/** Every described route, in the order they were added. */
export function apiRoutes(): ApiRoute[] {
  return [...routes.values()];
}

/** The OpenAPI 3.1 document for the routes added so far, served on `serverUrl`. */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes.values()) {
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const content = res.content ?? (res.schema ? { 'application/json': res.schema } : undefined);
      responses[status] = content
        ? { description: res.description, content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) }
        : { description: res.description };
    }
    if (!responses['400'] && !responses['404']) responses.default = { description: 'An error', content: { 'application/json': { schema: ERROR_SCHEMA } } };
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      ...(r.tags ? { tags: r.tags } : {}),
      parameters: r.parameters ?? [],
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Mizan API', version: '1', description: 'Read access to Mizan’s articles, experts, search and knowledge. Errors answer { "error": { "code", "message" } }.' },
    servers: [{ url: serverUrl }],
    paths,
  };
}
