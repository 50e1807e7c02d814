// What the compiled code in dist/ was built from: how many files src/ held and the newest change among
// them. bin/mizan.js compares it with src/ as it is now to tell whether dist/ is up to date.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `{ files, newest }` of the tree under `dir` (newest: the largest mtime in ms). */
export function sourceStamp(dir) {
  let files = 0;
  let newest = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        files += 1;
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  walk(dir);
  return { files, newest };
}

/**
 * Whether the build stamped at `infoPath` was made from `srcDir` as it is now: the same number of files and
 * none changed since. A tree with no sources (a package shipped compiled) is current when built at all.
 */
export function compiledIsCurrent(srcDir, infoPath) {
  if (!existsSync(infoPath)) return false;
  if (!existsSync(srcDir)) return true;
  try {
    const built = JSON.parse(readFileSync(infoPath, 'utf8'));
    const now = sourceStamp(srcDir);
    return built.files === now.files && built.newest >= now.newest;
  } catch {
    return false;
  }
}
