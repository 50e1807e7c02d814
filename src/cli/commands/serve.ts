/** @module `mizan serve`: the site and the API; `--demo` first loads the demo content into an empty database. */
import type { Command } from 'commander';
import { UsageError } from '../../lib/index.ts';
import { join } from 'node:path';
import { siteConfigFor, storeFor } from '../context.ts';
import { loadApp, loadLogger, loadWeb } from '../lazy.ts';
import { startMailWorker } from './mail.ts';

function portOf(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port/PORT must be a number from 0 to 65535, not "${value}"`);
  return port;
}

function graceMsOf(value: string | undefined): number {
  const ms = Number(value ?? 10_000);
  if (!Number.isFinite(ms) || ms < 0) throw new UsageError(`MIZAN_SHUTDOWN_GRACE_MS must be a number of milliseconds, not "${value}"`);
  return ms;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site and the API')
    .option('--port <n>', 'port to listen on (default $PORT or 3000)')
    .option('--host <h>', 'address to listen on (default $HOST or 127.0.0.1)')
    .option('--demo', 'load the demo content into a database that has no articles')
    .action(async (opts: { port?: string; host?: string; demo?: boolean }, cmd: Command) => {
      const port = portOf(opts.port ?? process.env.PORT);
      const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
      const [{ loadDemo, reindexIfStale, hasUsers, SetupToken, DEMO_DIR, SearchPool, pooledSearcher, searchWorkersOf, poolable, storeTarget }, { serveSite, QueryWatch, slowQueryMsOf, closePdfBrowser }, { createLogger }] = await Promise.all([
        loadApp(),
        loadWeb(),
        loadLogger(),
      ]);
      // A bad configuration stops the start before the database is touched.
      const site = await siteConfigFor(cmd, opts.demo ? join(DEMO_DIR, 'mizan.config.yaml') : undefined);
      const graceMs = graceMsOf(process.env.MIZAN_SHUTDOWN_GRACE_MS);
      const logger = createLogger();
      let slowMs: number;
      let workers: number;
      try {
        slowMs = slowQueryMsOf(process.env.MIZAN_SLOW_QUERY_MS);
        workers = searchWorkersOf(process.env.MIZAN_SEARCH_WORKERS);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const queryWatch = new QueryWatch({ logger, slowMs });
      const store = await storeFor(cmd, { onQuery: queryWatch.onQuery });
      let pool: Awaited<ReturnType<typeof SearchPool.start>> | undefined;
      try {
        if (opts.demo) {
          const n = await loadDemo(store);
          if (n) logger.info({ demoArticles: n }, `loaded ${n} demo articles`);
        }
        const rebuilt = await reindexIfStale(store);
        if (rebuilt !== null) logger.info({ reindexed: rebuilt }, `rebuilt the search index of ${rebuilt} articles (it was built by an older Mizan)`);
        const baseUrl = process.env.MIZAN_BASE_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
        // No account yet: a one-time address creates the first admin (`mizan user add` does it from scripts).
        const setup = (await hasUsers(store)) ? undefined : new SetupToken();
        // Searches run in worker processes with their own read-only connections, so a flood of them leaves
        // this thread free for pages (MIZAN_SEARCH_WORKERS=0 keeps them here).
        const target = storeTarget(cmd.optsWithGlobals() as { db?: string });
        pool = workers > 0 && poolable(target) ? SearchPool.spawn({ target, size: workers }, (line) => logger.warn(line)) : undefined;
        const searcher = pool && pooledSearcher(pool, store);
        const running = await serveSite({ store, baseUrl, site, logger, queryWatch, setup, searcher }, { port, host });
        const origin = running.url.replace(/\/$/, '');
        // One record: whoever reads the serving line has the setup address with it.
        logger.info(
          { url: running.url, engine: store.engine },
          `Mizan is serving ${origin}/ (Arabic at ${origin}/ar/); the editors' side is at ${origin}/admin` +
            (setup
              ? `\nNo account exists yet. Create the first admin at ${origin}/admin/setup?token=${setup.value}\n` +
                `  (this address works once, for the next hour; or run: mizan user add EMAIL --role admin)`
              : ''),
        );
        const mail = await startMailWorker(store, process.env.MIZAN_BASE_URL ?? origin, (line: string) => logger.info(line), site);
        const signal = await new Promise<string>((resolve) => {
          process.once('SIGINT', () => resolve('SIGINT'));
          process.once('SIGTERM', () => resolve('SIGTERM'));
        });
        // Zero-downtime restarts: stop accepting, let the requests in flight finish, then close the database.
        logger.info({ signal, inFlight: running.inFlight() }, `${signal}: stopping; finishing ${running.inFlight()} request(s) in flight`);
        await mail?.stop();
        await running.stop({ graceMs });
        await closePdfBrowser();
      } finally {
        await pool?.close();
        await store.close();
      }
      logger.info('stopped: every request answered, database closed');
    });
}
