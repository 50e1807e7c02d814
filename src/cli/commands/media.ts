/** @module `mizan media add FILE…` and `mizan media list`: images stored once by content hash. */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { MizanError } from '../../lib/index.ts';
import { storeFor } from '../context.ts';
import { loadApp } from '../lazy.ts';

export function registerMedia(program: Command): void {
  const media = program.command('media').description('images stored once by content hash (docs/media.md)');
  media
    .command('add <files...>')
    .description('store images (JPEG, PNG, WebP, AVIF, GIF, plain SVG); prints each one\'s address')
    .option('--json', 'print the stored media as JSON')
    .action(async (files: string[], opts: { json?: boolean }, cmd: Command) => {
      const { addImage, MAX_MEDIA_BYTES } = await loadApp();
      const store = await storeFor(cmd);
      const out = [];
      let failed = 0;
      try {
        for (const file of files) {
          try {
            const size = (await stat(file).catch(() => null))?.size ?? 0;
            if (size > MAX_MEDIA_BYTES) throw new MizanError('bad-media', `larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB: not stored`, { file });
            const bytes = await readFile(file).catch((err) => {
              throw new MizanError('unreadable', `cannot read: ${(err as Error).message}`, { file, cause: err });
            });
            const m = await addImage(store, bytes, file);
            out.push({ file, ...m });
            if (!opts.json) process.stdout.write(`${m.created ? 'added    ' : 'unchanged'} ${file}: ${m.src} (${m.width}×${m.height}, ${m.type})\n`);
          } catch (err) {
            if (!(err instanceof MizanError)) throw err;
            failed++;
            out.push({ file, error: err.message });
            process.stderr.write(`mizan: ${err.file && !err.message.startsWith(err.file) ? `${err.file}: ` : ''}${err.message}\n`);
          }
        }
      } finally {
        await store.close();
      }
      if (opts.json) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      if (failed) process.exitCode = 1;
    });
  media
    .command('list')
    .description('every stored media, newest first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { listMedia } = await loadApp();
      const store = await storeFor(cmd);
      try {
        const all = await listMedia(store);
        if (opts.json) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
        else for (const m of all) process.stdout.write(`${m.src}\t${m.type}\t${m.width ?? ''}×${m.height ?? ''}\t${m.bytes}\t${m.name}\n`);
      } finally {
        await store.close();
      }
    });
}
