/** @module `mizan serve`: the site and the API; `--demo` first loads the demo content into an empty database. */
import type { Command } from 'commander';
import { UsageError } from '../../lib/index.ts';
import { storeFor } from '../context.ts';
import { loadApp, loadWeb } from '../lazy.ts';

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
      const [{ loadDemo, reindexIfStale }, { serveSite }] = await Promise.all([loadApp(), loadWeb()]);
      const store = await storeFor(cmd);
      try {
        if (opts.demo) {
          const n = await loadDemo(store);
          if (n) process.stdout.write(`loaded ${n} demo articles\n`);
        }
        const rebuilt = await reindexIfStale(store);
        if (rebuilt !== null) process.stdout.write(`rebuilt the search index of ${rebuilt} articles (it was built by an older Mizan)\n`);
        const baseUrl = process.env.MIZAN_BASE_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
        const site = await serveSite({ store, baseUrl, log: (line: string) => process.stdout.write(line + '\n') }, { port, host });
        process.stdout.write(`Mizan is serving ${site.url} (Arabic at ${site.url.replace(/\/$/, '')}/ar/)\n`);
        const signal = await new Promise<string>((resolve) => {
          process.once('SIGINT', () => resolve('SIGINT'));
          process.once('SIGTERM', () => resolve('SIGTERM'));
        });
        // Zero-downtime restarts: stop accepting, let the requests in flight finish, then close the database.
        process.stdout.write(`${signal}: stopping; finishing ${site.inFlight()} request(s) in flight\n`);
        await site.stop({ graceMs: graceMsOf(process.env.MIZAN_SHUTDOWN_GRACE_MS) });
      } finally {
        await store.close();
      }
      process.stdout.write('stopped: every request answered, database closed\n');
    });
}
