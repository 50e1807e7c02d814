/**
 * @module A server's life from start to stop: build the app, listen, warm the caches with the pages most
 * read (each language's home and feeds, the sitemap), then say ready; on stop, say draining, stop
 * accepting, and finish the requests in flight. The caller closes the store after `stop()` resolves.
 */
import type { Hono } from 'hono';
import { LANGS } from '../../model/index.ts';
import { createWebApp, type WebAppOptions } from '../create-web-app.ts';
import { listen } from '../listen.ts';
import type { WebDeps } from '../web-deps.ts';
import { Readiness } from './readiness.ts';

export interface RunningSite {
  url: string;
  app: Hono;
  readiness: Readiness;
  /** Requests being answered now. */
  inFlight(): number;
  /** Draining, then stopped: resolves once every request in flight has its answer (or `graceMs` passed). */
  stop(opts?: { graceMs?: number }): Promise<void>;
}

/** The pages a reader is most likely to ask for first: rendered once before the server says ready. */
export function warmPaths(): string[] {
  const paths = ['/sitemap.xml'];
  for (const { prefix } of Object.values(LANGS)) paths.push(`${prefix}/`, `${prefix}/feed.xml`);
  return paths;
}

/**
 * Serves the site on `port`/`host` and resolves once it is ready for traffic.
 *
 * @example const site = await serveSite({ store }, { port: 0, host: '127.0.0.1' }); …; await site.stop(); await store.close()
 */
export async function serveSite(deps: WebDeps, opts: { port: number; host: string; app?: WebAppOptions }): Promise<RunningSite> {
  const readiness = new Readiness();
  const app = createWebApp({ ...deps, readiness }, opts.app);
  const server = await listen(app, { port: opts.port, host: opts.host });
  for (const path of warmPaths()) {
    // A page that fails to render now fails for its reader too, with its error page; warming goes on.
    await Promise.resolve(app.request(path))
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
  }
  readiness.ready();
  return {
    url: server.url,
    app,
    readiness,
    inFlight: server.inFlight,
    async stop(stopOpts = {}) {
      readiness.drain();
      await server.close(stopOpts);
    },
  };
}
