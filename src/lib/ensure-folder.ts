/**
 * @module `ensureFolder`: makes a folder that output goes into, or says by name what is in the way.
 * Walks up to the nearest folder that exists and makes each one below it, rather than Node's recursive
 * mkdir, which never returns on some paths (/proc/…) and names only the last folder it tried.
 */
import { mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
      const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `${dirname(dir)} cannot be written` : (err as Error).message;
      throw new MizanError('bad-folder', `cannot ${purpose}: ${why}`, { cause: err });
    }
  }
}
