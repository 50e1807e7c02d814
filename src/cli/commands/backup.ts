/**
 * @module `mizan backup FILE` and `mizan restore FILE [--force]`: the whole site (every table but
 * sessions and the search index, and the media folder beside an SQLite database) into one checked file
 * and back, on either engine.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { loadApp, loadStore } from '../lazy.ts';
import { storeFor } from '../context.ts';

/** The media folder: `--media`, else `media/` beside an SQLite database file; none on PostgreSQL. */
async function mediaDirOf(cmd: Command, given?: string): Promise<string | undefined> {
  if (given) return given;
  const { storeTarget } = await loadStore();
  const target = storeTarget(cmd.optsWithGlobals() as { db?: string });
  return target.db ? join(dirname(target.db), 'media') : undefined;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * The files of a media folder, said only where there is one: images and attachments are rows of the
 * database (`media`), counted with it, so "0 media files" read as if they had been left out.
 */
function folderFiles(dir: string | undefined, files: number, way: 'from' | 'into'): string {
  if (dir) return existsSync(dir) || files ? `, ${plural(files, 'file')} ${way} the media folder ${dir}` : '';
  return files ? `, ${plural(files, 'file')} of a media folder left out (give --media DIR)` : '';
}

/** The articles, and the images and attachments the database holds. */
const contents = (rows: Record<string, number>) =>
  `${plural(rows.articles ?? 0, 'article')}, ${plural(rows.media ?? 0, 'media item')}: images and attachments are kept in the database`;

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write everything (articles, revisions, experts, terms, paths, users, audit log, knowledge decisions, media…) into one file, while the site runs')
    .argument('<file>', 'the backup file to write')
    .option('--media <dir>', 'media folder to include (default: media/ beside an SQLite database)')
    .action(async (file: string, opts: { media?: string }, cmd: Command) => {
      const store = await storeFor(cmd);
      const { writeBackup } = await loadApp();
      try {
        const started = performance.now();
        const mediaDir = await mediaDirOf(cmd, opts.media);
        const r = await writeBackup(store, file, { mediaDir });
        const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
        process.stdout.write(`wrote ${file}: ${plural(total, 'row')} from ${plural(Object.keys(r.rows).length, 'table')} (${contents(r.rows)})${folderFiles(mediaDir, r.files, 'from')}, ${(r.bytes / 1048576).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      } finally {
        await store.close();
      }
    });
  program
    .command('restore')
    .description('restore a backup into an empty database (either engine); the search index is rebuilt')
    .argument('<file>', 'the backup file to read')
    .option('--force', 'replace whatever the database already holds')
    .option('--media <dir>', 'where to write media files (default: media/ beside an SQLite database)')
    .action(async (file: string, opts: { force?: boolean; media?: string }, cmd: Command) => {
      // A restore fills a new database as readily as an empty one.
      const store = await storeFor(cmd, { create: true });
      const { restoreBackup } = await loadApp();
      try {
        const started = performance.now();
        const mediaDir = await mediaDirOf(cmd, opts.media);
        const r = await restoreBackup(store, file, { force: opts.force, mediaDir });
        const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
        process.stdout.write(`restored ${file}: ${plural(total, 'row')} (${contents(r.rows)})${folderFiles(mediaDir, r.files, 'into')}; ${plural(r.indexed, 'article')} indexed, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      } finally {
        await store.close();
      }
    });
}
