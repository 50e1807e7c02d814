/**
 * @module Builds the site: the HTTP pipeline outermost, then every route module, then the error pages.
 */
import { Hono } from 'hono';
import { errorResponse, statusOf } from './http/error-response.ts';
import { PageCache } from './http/page-cache.ts';
import { pipeline } from './http/pipeline.ts';
import { registerRoutes } from './routes/index.ts';
import { withSite } from './site/index.ts';
import { versionedStore } from './versioned-store.ts';
import { DEFAULT_SITE } from '../model/index.ts';
import type { WebDeps } from './web-deps.ts';

export interface WebAppOptions {
  /** How long a cached page may be served without a write through this process's store (ms). */
  cacheTtlMs?: number;
  /** Turns the page cache off (every page rendered per request). */
  noCache?: boolean;
}

/**
 * The site and its API as a Hono app.
 *
 * @example const app = createWebApp({ store, baseUrl: 'https://example.org' }); await app.request('/ar/')
 */
export function createWebApp(deps: WebDeps, opts: WebAppOptions = {}): Hono {
  const versioned = versionedStore(deps.store);
  const appDeps: WebDeps = { ...deps, store: versioned.store };
  const cache = new PageCache({ ttlMs: opts.noCache ? -1 : opts.cacheTtlMs });
  const app = new Hono();
  const site = deps.site ?? DEFAULT_SITE;
  // Outermost: every view, feed and error page of the request reads this site's identity.
  app.use((c, next) => withSite(site, c.req.path, next));
  if (deps.log) {
    const log = deps.log;
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
    });
  }
  app.use(pipeline({ cache, version: versioned.version }));
  registerRoutes(app, appDeps);
  app.notFound((c) => errorResponse(c.req.url, 404));
  app.onError((err, c) => {
    const status = statusOf(err);
    if (status >= 500) console.error(`${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? err}`);
    return errorResponse(c.req.url, status, err);
  });
  return app;
}
