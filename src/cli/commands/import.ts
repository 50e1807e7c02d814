/**
 * @module `mizan import FILE… [--dry-run] [--json] [--format F] [--path P] [--force]`: imports pages and
 * reports a line a file (created / updated / unchanged / conflict / failed) with its warnings as
 * `file:line`. Exits 1 at the end when any file failed or met an article edited since its last import
 * (a conflict: not written unless `--force`); the others are imported all the same.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type cliProgress from 'cli-progress';
import type { ImportReport } from '../../app/index.ts';
import type { Format } from '../../ingest/index.ts';
import { loadApp } from '../lazy.ts';

// The importers load only when a command runs; their format names are listed here for the help text.
const FORMATS: readonly Format[] = ['text', 'html', 'md', 'json'];
import { UsageError } from '../../lib/index.ts';

/** Files from this many on get a progress bar (on a terminal). */
const PROGRESS_FROM = 5;

function printReport(report: ImportReport, dryRun: boolean): void {
  const out: string[] = [];
  const byFile = new Map<string, ImportReport['warnings']>();
  for (const w of report.warnings) byFile.set(w.file, [...(byFile.get(w.file) ?? []), w]);
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  for (const f of report.files) {
    if (f.status === 'failed' || f.status === 'conflict') {
      out.push(`${f.status.padEnd(10)} ${f.error ?? f.file}`);
      continue;
    }
    const paths = f.articles.map((id) => `${articles.get(id)?.path ?? ''} (${id})`).join(', ');
    out.push(`${f.status.padEnd(10)} ${f.file} → ${paths}`);
    for (const w of byFile.get(f.file) ?? []) out.push(`  ${w.file}${w.line ? `:${w.line}` : ''}: ${w.code}: ${w.message}`);
  }
  const count = (s: string) => report.files.filter((f) => f.status === s).length;
  out.push(
    `${report.files.length} file${report.files.length === 1 ? '' : 's'}: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed` +
      (count('conflict') ? `, ${count('conflict')} in conflict (edited since their last import: not overwritten; --force overwrites)` : '') +
      (dryRun ? ' (dry run: nothing was written)' : ''),
  );
  process.stdout.write(out.join('\n') + '\n');
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import pages: scraped text (like the seed), HTML, Markdown with front matter, Article JSON')
    .argument('<files...>', 'page files (folders are searched for pages)')
    .option('--dry-run', 'read and report, write nothing')
    .option('--json', 'print the report as JSON: { files, articles, warnings }')
    .option('--format <format>', `read every file as this format (${FORMATS.join(', ')}) instead of detecting it`)
    .option('--path <path>', "the page's own site path (one file only), e.g. /ar/policy-analysis/x")
    .option('--force', "overwrite articles edited on the editors' side since their last import (each overwrite is recorded in the audit log)")
    .action(async (files: string[], opts: { dryRun?: boolean; json?: boolean; format?: string; path?: string; force?: boolean }, cmd: Command) => {
      if (opts.format && !(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
      if (opts.path !== undefined && !/^\/\S*$/.test(opts.path)) throw new UsageError('--path must be a site path starting with /');
      if (opts.path !== undefined && files.length !== 1) throw new UsageError('--path sets the path of one page: give exactly one file with it');
      const { importFiles, openStore, storeTarget } = await loadApp();
      const target = storeTarget(cmd.optsWithGlobals());
      // A dry run against a database that does not exist yet must not create it.
      const store = opts.dryRun && target.db && !existsSync(target.db) ? null : await openStore(target);
      let bar: cliProgress.SingleBar | undefined;
      if (process.stderr.isTTY) {
        const { default: cliProgress } = await import('cli-progress');
        bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'importing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
      }
      try {
        const report = await importFiles(store, files, {
          dryRun: opts.dryRun,
          format: opts.format as Format | undefined,
          path: opts.path,
          force: opts.force,
          // Folders expand to many files, so the bar is decided by the total, known at the first file.
          onProgress: bar
            ? (done, total, file) => {
                if (total < PROGRESS_FROM) return;
                if (done === 1) bar!.start(total, 0, { file: '' });
                bar!.update(done, { file: file.length > 40 ? '…' + file.slice(-39) : file });
              }
            : undefined,
        });
        bar?.stop();
        if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else printReport(report, Boolean(opts.dryRun));
        if (report.files.some((f) => f.status === 'failed' || f.status === 'conflict')) process.exitCode = 1;
      } finally {
        bar?.stop();
        await store?.close();
      }
    });
}
