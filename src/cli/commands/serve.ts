/** @module `mizan serve`: the site and the API; `--demo` first loads the demo content into an empty database. */
import type { Command } from 'commander';
import { UsageError } from '../../lib/index.ts';
import { join } from 'node:path';
import { siteConfigFor, storeFor } from '../context.ts';
import { loadApp, loadWeb } from '../lazy.ts';

function portOf(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port/PORT must be a number from 0 to 65535, not "${value}"`);
  return port;
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
      const [{ loadDemo, reindexIfStale, DEMO_DIR }, { createWebApp, listen, closePdfBrowser }] = await Promise.all([loadApp(), loadWeb()]);
      // A bad configuration stops the start before the database is touched.
      const site = await siteConfigFor(cmd, opts.demo ? join(DEMO_DIR, 'mizan.config.yaml') : undefined);
      const store = await storeFor(cmd);
      try {
        if (opts.demo) {
          const n = await loadDemo(store);
          if (n) process.stdout.write(`loaded ${n} demo articles\n`);
        }
        const rebuilt = await reindexIfStale(store);
        if (rebuilt !== null) process.stdout.write(`rebuilt the search index of ${rebuilt} articles (it was built by an older Mizan)\n`);
        const baseUrl = process.env.MIZAN_BASE_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
        const app = createWebApp({ store, baseUrl, site, log: (line: string) => process.stdout.write(line + '\n') });
        const server = await listen(app, { port, host });
        process.stdout.write(`Mizan is serving ${server.url} (Arabic at ${server.url.replace(/\/$/, '')}/ar/)\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
        await closePdfBrowser();
      } finally {
        await store.close();
      }
    });
}
