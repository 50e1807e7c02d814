/**
 * @module The operators' routes: `/readyz` (may this server take traffic: started, migrated, warm, not
 * draining, the database answering) and `/metrics` (Prometheus). `/healthz` (liveness) lives with the API.
 */
import type { Hono } from 'hono';
import { addApiRoute } from '../openapi.ts';
import type { WebDeps } from '../web-deps.ts';

addApiRoute({
  path: '/readyz',
  method: 'get',
  summary: 'Readiness: 200 when this server may take traffic (migrated, caches warm, not shutting down)',
  tags: ['meta'],
  responses: {
    200: { description: 'Ready', schema: { type: 'object', properties: { status: { const: 'ready' } } } },
    503: { description: 'Starting, draining before a stop, or the database does not answer' },
  },
});

addApiRoute({
  path: '/metrics',
  method: 'get',
  summary: "This server's metrics in Prometheus' text format (restrict it to your monitoring at the proxy)",
  tags: ['meta'],
  responses: {
    200: { description: 'Prometheus exposition format 0.0.4', content: { 'text/plain; version=0.0.4': { type: 'string' } } },
    404: { description: 'Metrics are not collected by this server' },
  },
});

export function registerOps(app: Hono, deps: WebDeps): void {
  app.get('/metrics', async (c) => {
    if (!deps.metrics) return c.notFound();
    const { type, text } = await deps.metrics.exposition();
    return c.body(text, 200, { 'content-type': type, 'cache-control': 'no-store' });
  });

  app.get('/readyz', async (c) => {
    c.header('cache-control', 'no-store');
    // An app built without a lifecycle (tests, `mizan build`) is ready as soon as it exists.
    const state = deps.readiness?.state ?? 'ready';
    if (state !== 'ready') return c.json({ status: state }, 503);
    try {
      await deps.store.countArticles();
    } catch (err) {
      return c.json({ status: 'error', error: { code: 'database', message: (err as Error).message } }, 503);
    }
    return c.json({ status: 'ready' });
  });
}
