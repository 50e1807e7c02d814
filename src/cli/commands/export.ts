/** @module `mizan export --format md|json --out DIR`: every article written back out with its state, re-importable as it is; says what it leaves out. */
import type { Command } from 'commander';
import type { ExportFormat } from '../../app/index.ts';
import { loadApp } from '../lazy.ts';
import { UsageError } from '../../lib/index.ts';
import { storeFor } from '../context.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every article out, in every state, as Markdown with front matter or as Article JSON (mizan import reads them back in the same states); mizan backup keeps everything else')
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--format <format>', 'md or json', 'md')
    .action(async (opts: { out: string; format: string }, cmd: Command) => {
      if (opts.format !== 'md' && opts.format !== 'json') throw new UsageError('--format must be md or json');
      const store = await storeFor(cmd);
      const { exportArticles, EXPORT_LEAVES_OUT } = await loadApp();
      try {
        const { files, states } = await exportArticles(store, { format: opts.format as ExportFormat, out: opts.out });
        const counts = Object.entries(states).map(([status, n]) => `${n} ${status}`).join(', ');
        process.stdout.write(`wrote ${files.length} article${files.length === 1 ? '' : 's'} to ${opts.out}${counts ? ` (${counts}; each keeps its state)` : ''}\n`);
        process.stderr.write(`note: ${EXPORT_LEAVES_OUT}\n`);
      } finally {
        await store.close();
      }
    });
}
