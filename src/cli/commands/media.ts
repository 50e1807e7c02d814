/**
 * @module `mizan media add FILE…`, `mizan media list` (images stored once by content hash) and
 * `mizan media attach ARTICLE FILE.pdf` (a PDF attached to an existing article, as the admin's upload does).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { MizanError, NotFoundError } from '../../lib/index.ts';
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
  media
    .command('attach <article> <file>')
    .description('attach a PDF (a policy note) to an existing article, by its id or its path (/ar/policy-analysis/…): its text is extracted and found by search; at most 30 MB')
    .option('--title <title>', 'the title readers see (default: the file name)')
    .option('--lang <lang>', 'the language the PDF is written in (default: the article\'s)')
    .option('--json', 'print the attachment as JSON')
    .action(async (ref: string, file: string, opts: { title?: string; lang?: string; json?: boolean }, cmd: Command) => {
      const { attachFile, CLI_EDITOR, MAX_ATTACHMENT_BYTES } = await loadApp();
      const store = await storeFor(cmd);
      try {
        const target = ref.startsWith('/') ? await store.resolvePath(decodeURI(ref)) : undefined;
        const id = ref.startsWith('/') ? (target?.kind === 'article' ? target.id : undefined) : ref;
        // Looked up before the file is read or stored: a wrong article stores nothing.
        if (!id || !(await store.getArticle(id))) throw new NotFoundError(`no article ${ref}`);
        const size = (await stat(file).catch(() => null))?.size;
        if (size === undefined) throw new MizanError('unreadable', 'no such file', { file });
        if (size > MAX_ATTACHMENT_BYTES) throw new MizanError('bad-media', `larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB: not stored`, { file });
        const bytes = await readFile(file).catch((err) => {
          throw new MizanError('unreadable', `cannot read: ${(err as Error).message}`, { file, cause: err });
        });
        const name = basename(file);
        const { attachment, saved } = await attachFile(store, CLI_EDITOR, id, bytes, name, { title: opts.title, lang: opts.lang }).catch((err) => {
          // The media layer names the file by its name alone: say it once, as the path that was given.
          if (err instanceof MizanError && err.file === name) throw new MizanError(err.code, err.message.replace(`${name}: `, ''), { file, status: err.status, cause: err });
          throw err;
        });
        if (opts.json) process.stdout.write(JSON.stringify({ article: id, version: saved.version, ...attachment }, null, 2) + '\n');
        else process.stdout.write(`attached ${file} to ${id}: ${attachment.src} ("${attachment.title}", ${attachment.lang}, ${attachment.bytes} bytes)\n`);
      } finally {
        await store.close();
      }
    });
}
