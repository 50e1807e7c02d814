/** @module `mizan export --format md|json --out DIR`: every article written back out, re-importable as it is. */
import type { Command } from 'commander';
import type { ExportFormat } from '../../app/index.ts';
import { loadApp } from '../lazy.ts';
import { UsageError } from '../../lib/index.ts';
import { storeFor } from '../context.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every article out as Markdown with front matter or as Article JSON (mizan import reads them back)')
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--format <format>', 'md or json', 'md')
    .action(async (opts: { out: string; format: string }, cmd: Command) => {
      if (opts.format !== 'md' && opts.format !== 'json') throw new UsageError('--format must be md or json');
      const store = await storeFor(cmd);
      const { exportArticles } = await loadApp();
      try {
        const files = await exportArticles(store, { format: opts.format as ExportFormat, out: opts.out });
        process.stdout.write(`wrote ${files.length} article${files.length === 1 ? '' : 's'} to ${opts.out}\n`);
      } finally {
        await store.close();
      }
    });
}
