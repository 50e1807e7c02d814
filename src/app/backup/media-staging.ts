/**
 * @module Where a restore puts media files until its transaction commits: a hidden folder beside the
 * media folder (same file system, so moving a file in is a rename). Pieces are written as they are
 * read, so memory stays bounded whatever the size or number of files; the files move into place only
 * after the database committed, and a failed restore deletes the folder, so the media folder never
 * holds files of a restore that did not happen.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { MizanError } from '../../lib/index.ts';

export interface MediaStaging {
  /** Writes one piece; resolves to true when it began a new file. */
  add(piece: { m: string; o?: number; b: string }): Promise<boolean>;
  /** Moves every staged file into the media folder (after the database committed). */
  commit(): Promise<void>;
  /** Forgets everything staged (the restore failed). */
  discard(): Promise<void>;
}

/**
 * Staging for a restore of `backup` into `mediaDir`.
 *
 * @example const media = stageMedia('/srv/mizan/media', 'site.mizan-backup'); await media.add({ m: 'a.jpg', o: 0, b: '…' }); await media.commit();
 */
export function stageMedia(mediaDir: string, backup: string): MediaStaging {
  let dir: string | undefined;
  let current: { path: string; handle: FileHandle; written: number } | undefined;
  const staged: string[] = [];
  const seen = new Set<string>();
  const damaged = (why: string) => new MizanError('bad-backup', `not a usable Mizan backup: ${why}`, { file: backup });

  const close = async () => {
    const c = current;
    current = undefined;
    await c?.handle.close();
  };

  return {
    async add({ m, o, b }) {
      const path = normalize(m);
      if (!m || path === '.' || path.startsWith('..') || isAbsolute(path)) throw damaged(`a media file's path leaves the media folder: ${m}`);
      const bytes = Buffer.from(b, 'base64');
      if (!o) {
        if (seen.has(path)) throw damaged(`the media file ${m} appears twice`);
        seen.add(path);
        await close();
        if (!dir) {
          const parent = dirname(resolve(mediaDir));
          mkdirSync(parent, { recursive: true });
          dir = mkdtempSync(join(parent, `.${basename(mediaDir)}.restoring-`));
        }
        const to = join(dir, path);
        mkdirSync(dirname(to), { recursive: true });
        current = { path, handle: await open(to, 'w'), written: 0 };
        staged.push(path);
      } else if (current?.path !== path || current.written !== o) {
        throw damaged(`a piece of the media file ${m} is out of place (at byte ${o})`);
      }
      await current.handle.write(bytes);
      current.written += bytes.length;
      return !o;
    },
    async commit() {
      await close();
      if (!dir) return;
      for (const path of staged) {
        const to = join(mediaDir, path);
        mkdirSync(dirname(to), { recursive: true });
        renameSync(join(dir, path), to);
      }
      rmSync(dir, { recursive: true, force: true });
    },
    async discard() {
      await close().catch(() => {});
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
