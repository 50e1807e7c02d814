/**
 * @module `mizan sources check [--timeout MS] [--concurrency N] [--json]`: checks every cited source
 * over HTTP and records broken and redirected ones; lists those, with a summary.
 */
import type { Command } from 'commander';
import { loadApp } from '../lazy.ts';
import { UsageError } from '../../lib/index.ts';
import { storeFor } from '../context.ts';

export function registerSources(program: Command): void {
  const sources = program.command('sources').description('the sources articles cite');
  sources
    .command('check')
    .description('check every source over HTTP (HEAD, then GET) and record broken and redirected ones')
    .option('--timeout <ms>', 'time allowed for each request', '10000')
    .option('--concurrency <n>', 'hosts checked at the same time (one request per host at a time)', '8')
    .option('--json', 'print every result as JSON')
    .action(async (opts: { timeout: string; concurrency: string; json?: boolean }, cmd: Command) => {
      const timeoutMs = Number(opts.timeout);
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout must be a positive number of milliseconds');
      if (!Number.isInteger(concurrency) || concurrency <= 0) throw new UsageError('--concurrency must be a positive whole number');
      const store = await storeFor(cmd);
      const { checkSources } = await loadApp();
      try {
        const checks = await checkSources(store, { timeoutMs, concurrency });
        if (opts.json) {
          process.stdout.write(JSON.stringify(checks, null, 2) + '\n');
          return;
        }
        const out: string[] = [];
        for (const c of checks) {
          if (c.status === 'broken') out.push(`broken      ${c.url} (${c.httpStatus ?? c.error}${c.truncated ? ', address cut off in its page' : ''})`);
          if (c.status === 'redirected') out.push(`redirected  ${c.url} → ${c.finalUrl}`);
        }
        const n = (s: string) => checks.filter((c) => c.status === s).length;
        out.push(`${checks.length} source${checks.length === 1 ? '' : 's'}: ${n('ok')} ok, ${n('redirected')} redirected, ${n('broken')} broken`);
        process.stdout.write(out.join('\n') + '\n');
      } finally {
        await store.close();
      }
    });
}
