/**
 * @module The outermost middleware: gives each request an id (the proxy's `X-Request-Id` when it sends a
 * sane one, a new UUID otherwise), returns it in the answer's `X-Request-Id`, logs one line per request
 * (JSON: id, method, path, route, status, milliseconds) and counts it in the metrics by route.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../../lib/logger.ts';
import type { SiteMetrics } from './metrics.ts';

/** An id a proxy may hand us: short, printable, nothing that could forge a log line. */
const SANE_ID = /^[\w.:@+=/-]{1,128}$/;

/** The request's id, for handlers that log (`requestIdOf(c)`). */
export function requestIdOf(c: Context): string | undefined {
  return (c.get as (k: string) => unknown)('requestId') as string | undefined;
}

/**
 * The route pattern that answered (`/ar/policy-analysis/:slug`), so metrics have a few labels rather
 * than one per address; `none` when no route matched (a 404 or a redirect).
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const r = routes[i];
    if (r.method !== 'ALL') return r.path;
  }
  return 'none';
}

const idSent = new WeakSet<Context>();

/**
 * The request's id, for a middleware that builds the answer's headers itself (the pipeline): observe then
 * leaves the answer as it is rather than setting the id on it afterwards.
 */
export function takeRequestId(c: Context): string | undefined {
  const id = requestIdOf(c);
  if (id) idSent.add(c);
  return id;
}

export function observe(opts: { logger?: Logger; log?: (line: string) => void; metrics: SiteMetrics }): MiddlewareHandler {
  const { logger, log, metrics } = opts;
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const id = given && SANE_ID.test(given) ? given : randomUUID();
    (c.set as (k: string, v: unknown) => void)('requestId', id);
    await next();
    if (!idSent.has(c)) {
      try {
        c.res.headers.set('x-request-id', id);
      } catch {
        // Headers of some answers are immutable (a fetch passed through): they go without the id.
      }
    }
    const ms = performance.now() - started;
    const method = c.req.method;
    const status = c.res.status;
    const route = routeOf(c);
    metrics.requests.inc({ method, route, status: String(status) });
    metrics.latency.observe({ method, route }, ms / 1000);
    const line = `${method} ${c.req.path} ${status} ${ms.toFixed(1)}ms`;
    if (logger) logger.info({ reqId: id, method, path: c.req.path, route, status, ms: Math.round(ms * 10) / 10 }, line);
    else log?.(line);
  };
}
