/**
 * @module Builds the site: the HTTP pipeline outermost, then every route module, then the error pages.
 */
import { Hono } from 'hono';
import { errorResponse, statusOf } from './http/error-response.ts';
import { PageCache } from './http/page-cache.ts';
import { limitBodies, timeLimit } from './http/limits.ts';
import { pipeline } from './http/pipeline.ts';
import { registerRoutes } from './routes/index.ts';
import { SiteMetrics } from './ops/metrics.ts';
import { observe, requestIdOf } from './ops/observe.ts';
import { withSite } from './site/index.ts';
import { SiteSource } from './site/site-source.ts';
import { versionedStore } from './versioned-store.ts';
import { DEFAULT_SITE } from '../model/index.ts';
import type { WebDeps } from './web-deps.ts';

export interface WebAppOptions {
  /** How long a cached page may be served without a write through this process's store (ms). */
  cacheTtlMs?: number;
  /** Turns the page cache off (every page rendered per request). */
  noCache?: boolean;
  /** How long one request may take before it is answered 503 (ms; `http/limits.ts`). */
  requestTimeMs?: number;
  /**
   * Asked only from inside this process (`mizan build`): no request ids, metrics, request logs, time or
   * size limits, which serve requests from the network, and no page cache (each page is asked for once).
   * No request writes (deps `readOnly`). The bytes of every answer are the same, a successful page's
   * taken from `bodyOfAnswer(req)` (http/pipeline.ts), not from its body.
   */
  inProcess?: boolean;
}

/**
 * The site and its API as a Hono app.
 *
 * @example const app = createWebApp({ store, baseUrl: 'https://example.org' }); await app.request('/ar/')
 */
export function createWebApp(deps: WebDeps, opts: WebAppOptions = {}): Hono {
  const versioned = versionedStore(deps.store, {
    onError: (err) => deps.logger?.warn({ err }, `following the change log failed (caches dropped): ${(err as Error)?.message ?? err}`),
  });
  const cache = new PageCache({ ttlMs: opts.noCache || opts.inProcess ? -1 : opts.cacheTtlMs });
  const metrics = new SiteMetrics({ store: deps.store, cache });
  if (deps.queryWatch) deps.queryWatch.metrics = metrics;
  const appDeps: WebDeps = { ...deps, store: versioned.store, metrics, ...(opts.inProcess ? { readOnly: true } : {}) };
  const app = new Hono();
  const sites = new SiteSource(versioned.store, deps.site ?? DEFAULT_SITE, versioned.feed.clock, (err) =>
    deps.logger?.warn({ err }, `reading the site settings failed (the configuration file's identity is served): ${(err as Error)?.message ?? err}`),
  );
  // Outermost: every view, feed and error page of the request reads this site's identity.
  app.use(async (c, next) => withSite(await sites.current(), c.req.path, next));
  if (!opts.inProcess) app.use(observe({ logger: deps.logger, log: deps.log, metrics }));
  app.use(pipeline({ cache, clock: versioned.feed.clock, onRequest: () => versioned.feed.nudge(), inProcess: opts.inProcess }));
  if (!opts.inProcess) {
    app.use(limitBodies());
    app.use(timeLimit(opts.requestTimeMs));
  }
  registerRoutes(app, appDeps);
  app.notFound(async (c) => {
    // A method no route takes, at an address that can be read: 405 with what it allows (RFC 9110), not 404.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const probe = await app.fetch(new Request(c.req.url, { method: 'GET', headers: { accept: c.req.header('accept') ?? '*/*' } }));
      await probe.body?.cancel();
      if (probe.status < 400) {
        const res = await errorResponse(c.req.url, 405);
        res.headers.set('allow', 'GET, HEAD');
        return res;
      }
    }
    return errorResponse(c.req.url, 404);
  });
  app.onError((err, c) => {
    const status = statusOf(err);
    if (status >= 500) {
      if (deps.logger) deps.logger.error({ err, reqId: requestIdOf(c), method: c.req.method, path: c.req.path }, `${c.req.method} ${c.req.path}: ${(err as Error)?.message ?? err}`);
      else console.error(`${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? err}`);
    }
    return errorResponse(c.req.url, status, err);
  });
  return app;
}
