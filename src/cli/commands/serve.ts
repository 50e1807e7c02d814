/** @module `mizan serve`: the site and the API; `--demo` first loads the demo content into an empty database. */
import cluster from 'node:cluster';
import type { Command } from 'commander';
import { publicOrigin, UsageError } from '../../lib/index.ts';
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

/** `MIZAN_PAGE_CACHE=off` answers every page rendered afresh: to tell a cache problem from a page problem, and to measure rendering. */
function pageCacheOf(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new UsageError(`MIZAN_PAGE_CACHE must be "on" or "off", not "${value}"`);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site and the API')
    .option('--port <n>', 'port to listen on (default $PORT or 3000)')
    .option('--host <h>', 'address to listen on (default $HOST or 127.0.0.1)')
    .option('--demo', 'load the demo content into a database that has no articles')
    .option('--processes <n>', 'server processes sharing the port: a number, or "auto" for one per CPU (default $MIZAN_PROCESSES or 1)')
    .action(async (opts: ServeOptions, cmd: Command) => {
      try {
        await serve(opts, cmd);
      } finally {
        // A server process's channel to the first one would keep it alive after it stopped, or failed to
        // start. The worker's own disconnect, not process.disconnect(): that one exits at once with 0.
        if (cluster.isWorker && cluster.worker?.isConnected()) cluster.worker.disconnect();
      }
    });
}

interface ServeOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  processes?: string;
}

async function serve(opts: ServeOptions, cmd: Command): Promise<void> {
  const port = portOf(opts.port ?? process.env.PORT);
  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  const [
    { loadDemo, reindexIfStale, createSetupToken, DEMO_DIR, SearchPool, pooledSearcher, searchWorkersOf, poolable, storeTarget },
    { serveSite, QueryWatch, slowQueryMsOf, closePdfBrowser, ServerCluster, isServerProcess, processesOf, reportReady },
    { createLogger },
  ] = await Promise.all([loadApp(), loadWeb(), loadLogger()]);
  // A bad configuration stops the start before the database is touched.
  const site = await siteConfigFor(cmd, opts.demo ? join(DEMO_DIR, 'mizan.config.yaml') : undefined);
  const graceMs = graceMsOf(process.env.MIZAN_SHUTDOWN_GRACE_MS);
  const pageCache = pageCacheOf(process.env.MIZAN_PAGE_CACHE);
  // One of the servers forked by `--processes N`: the first process did the once-only work.
  const serverProcess = isServerProcess();
  const logger = serverProcess ? createLogger().child({ server: process.pid }) : createLogger();
  let slowMs: number;
  let workers: number;
  let processes: number;
  let publicAt: string | undefined;
  try {
    slowMs = slowQueryMsOf(process.env.MIZAN_SLOW_QUERY_MS);
    workers = searchWorkersOf(process.env.MIZAN_SEARCH_WORKERS);
    processes = processesOf(opts.processes ?? process.env.MIZAN_PROCESSES);
    publicAt = process.env.MIZAN_BASE_URL ? publicOrigin(process.env.MIZAN_BASE_URL, 'MIZAN_BASE_URL') : undefined;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const clustered = processes > 1 && !serverProcess;
  const target = storeTarget(cmd.optsWithGlobals() as { db?: string });
  if (clustered && !poolable(target)) throw new UsageError('--processes needs a database file or PostgreSQL: a :memory: database lives in one process');
  const queryWatch = new QueryWatch({ logger, slowMs });
  // Serving makes the database when there is none yet (`npm start` on a fresh checkout).
  const store = await storeFor(cmd, { onQuery: queryWatch.onQuery, create: true });
  let pool: Awaited<ReturnType<typeof SearchPool.start>> | undefined;
  try {
    if (opts.demo && !serverProcess) {
      const n = await loadDemo(store);
      if (n) logger.info({ demoArticles: n }, `loaded ${n} demo articles`);
    }
    if (!serverProcess) {
      const rebuilt = await reindexIfStale(store, { target });
      if (rebuilt !== null) logger.info({ reindexed: rebuilt }, `rebuilt the search index of ${rebuilt} articles (it was built by an older Mizan)`);
    }
    const baseUrl = process.env.MIZAN_BASE_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    // No account yet: a one-time address creates the first admin (`mizan user add` does it from scripts).
    // The token is kept in the database, so the server processes below, and other servers on this
    // database, accept it as well as this one.
    const setup = serverProcess ? undefined : await createSetupToken(store);
    let stop: (graceMs: number) => Promise<void>;
    let url: string;
    let inFlight = () => 0;
    if (clustered) {
      // The servers are this command run again by node:cluster.
      const servers = await ServerCluster.start({
        size: processes,
        log: (level, record, message) => logger[level](record, message),
      });
      url = servers.url;
      stop = (ms) => servers.stop({ graceMs: ms });
    } else {
      // Searches run in worker processes with their own read-only connections, so a flood of them leaves
      // this thread free for pages (MIZAN_SEARCH_WORKERS=0 keeps them here).
      pool = workers > 0 && poolable(target) ? SearchPool.spawn({ target, size: workers }, (line) => logger.warn(line)) : undefined;
      const searcher = pool && pooledSearcher(pool, store);
      const running = await serveSite({ store, baseUrl, site, logger, queryWatch, searcher }, { port, host, app: { noCache: !pageCache } });
      url = running.url;
      inFlight = running.inFlight;
      stop = (ms) => running.stop({ graceMs: ms });
      if (serverProcess) reportReady(url);
    }
    const origin = url.replace(/\/$/, '');
    // Behind a proxy the listen address is not where the operator's browser can reach: the public one is.
    const setupAt = setup && `${publicAt ?? origin}/admin/setup?token=${setup.value}`;
    if (!serverProcess) {
      // One record: whoever reads the serving line has the setup address with it.
      logger.info(
        { url, engine: store.engine, processes },
        `Mizan is serving ${origin}/ (Arabic at ${origin}/ar/); the editors' side is at ${origin}/admin` +
          (processes > 1 ? ` (${processes} server processes)` : '') +
          (pageCache ? '' : ' (page cache off: MIZAN_PAGE_CACHE=off)') +
          (setupAt
            ? `\nNo account exists yet. Create the first admin at ${setupAt}\n` +
              `  (this address works once, for the next hour; or run: mizan user add EMAIL --role admin)`
            : ''),
      );
    }
    // Mail and the schedule's clock run in one process: the first one.
    const mail = serverProcess ? undefined : await startMailWorker(store, process.env.MIZAN_BASE_URL ?? origin, (line: string) => logger.info(line), site);
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    // Zero-downtime restarts: stop accepting, let the requests in flight finish, then close the database.
    logger.info({ signal, inFlight: inFlight() }, `${signal}: stopping; finishing ${clustered ? 'the server processes\' requests' : `${inFlight()} request(s)`} in flight`);
    // Told to stop before anything else, so a server process that exits meanwhile is not replaced.
    const stopped = stop(graceMs);
    await mail?.stop();
    await stopped;
  } finally {
    // After the last answer (a PDF in flight is printed by it), and on every way out, a failed start too.
    await closePdfBrowser();
    await pool?.close();
    await store.close();
  }
  logger.info('stopped: every request answered, database closed');
}
