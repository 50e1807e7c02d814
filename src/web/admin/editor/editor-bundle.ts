/**
 * @module The editor's script, as the server hands it out: the bundle `scripts/build-editor.mjs` writes
 * (at `npm install`), built here on first use when it is missing or older than its sources, so a fresh
 * checkout's `npm start` has an editor too. Served under a content-hashed address; when it cannot be had,
 * the edit page simply has no script and the Markdown textarea does the work.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EditorBundle {
  /** `/admin/assets/editor.<hash>.js` */
  path: string;
  body: Uint8Array;
  etag: string;
}

function repoRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'scripts', 'build-editor.mjs')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestSource(p) : st.mtimeMs);
  }
  return newest;
}

let pending: Promise<EditorBundle | null> | null = null;

async function load(): Promise<EditorBundle | null> {
  const root = repoRoot();
  if (!root) return null;
  const script = (await import(pathToFileURL(join(root, 'scripts', 'build-editor.mjs')).href)) as {
    EDITOR_BUNDLE: string;
    EDITOR_ENTRY: string;
    buildEditor: () => Promise<string>;
  };
  const file = script.EDITOR_BUNDLE;
  const sources = dirname(script.EDITOR_ENTRY);
  const stale = !existsSync(file) || (existsSync(sources) && newestSource(sources) > statSync(file).mtimeMs);
  if (stale) {
    try {
      await script.buildEditor();
    } catch (err) {
      console.error(`the editor's script could not be built (the Markdown editor stays): ${(err as Error).message}`);
      if (!existsSync(file)) return null;
    }
  }
  const body = new Uint8Array(readFileSync(resolve(file)));
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return { path: `/admin/assets/editor.${hash}.js`, body, etag: `"${hash}"` };
}

/**
 * The editor's script, built once per process if needed; null when it cannot be had.
 *
 * @example (await editorBundle())?.path // → '/admin/assets/editor.3fQ….js'
 */
export function editorBundle(): Promise<EditorBundle | null> {
  pending ??= load().catch((err) => {
    console.error(`the editor's script is unavailable: ${(err as Error).message}`);
    return null;
  });
  return pending;
}
