/**
 * @module Where commands write their output: `ensureFolder` makes a folder output goes into, and
 * `writeOutputFile` writes a file whole, each saying by name what is in the way when it cannot. The
 * folder is made by walking up to the nearest one that exists, rather than by Node's recursive mkdir,
 * which never returns on some paths (/proc/…) and names only the last folder it tried.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MizanError } from './errors.ts';

/**
 * Makes `folder` and any folders above it that are missing; throws a MizanError (`bad-folder`) that
 * reads "cannot <purpose>: <what is in the way>" when a file stands in the path or it cannot be written.
 *
 * @example ensureFolder('site/ar', 'write the copy into site/ar') // a file named site → "cannot write the copy into site/ar: …/site is a file, not a folder"
 */
export function ensureFolder(folder: string, purpose: string): void {
  const missing: string[] = [];
  let at = resolve(folder);
  for (;;) {
    let found: Stats | undefined;
    try {
      found = statSync(at);
    } catch (err) {
      // ENOTDIR: a file further up, found as the walk goes on.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new MizanError('bad-folder', `cannot ${purpose}: ${(err as Error).message}`, { cause: err });
    }
    if (found) {
      if (!found.isDirectory()) throw new MizanError('bad-folder', `cannot ${purpose}: ${at} is a file, not a folder`);
      break;
    }
    const parent = dirname(at);
    if (parent === at) break;
    missing.unshift(at);
    at = parent;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      throw new MizanError('bad-folder', `cannot ${purpose}: ${whyNotWritten(err, dir)}`, { cause: err });
    }
  }
}

/**
 * Writes `data` to `file` whole (beside it first, then renamed over it, so a failure leaves no half
 * file), into a folder that must exist; throws a MizanError (`bad-file`) naming what is in the way.
 *
 * @example writeOutputFile('subscribers.csv', csv) // a folder named subscribers.csv → "cannot write subscribers.csv: it is a folder"
 */
export function writeOutputFile(file: string, data: string | Uint8Array): void {
  const partial = join(dirname(file), `.${basename(file)}.partial`);
  try {
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch (err) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Never written: its folder is not there.
    }
    throw new MizanError('bad-file', `cannot write ${file}: ${whyNotWritten(err, file)}`, { cause: err });
  }
}

/**
 * What an error from creating or replacing `file` means, in words (its folder missing, a file where the
 * folder should be, a folder where the file should be, no right to write, a full disk).
 *
 * @example whyNotWritten(enoent, 'backups/site.bak') // → 'the folder backups does not exist'
 */
export function whyNotWritten(err: unknown, file: string): string {
  const folder = dirname(file);
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `the folder ${folder} does not exist`;
    case 'ENOTDIR':
      return `${folder} is not a folder`;
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${folder} cannot be written`;
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return (err as Error).message;
  }
}
