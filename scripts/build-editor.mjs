#!/usr/bin/env node
// Bundles the admin's editor (src/web/admin/editor/client/main.ts and the ProseMirror packages it uses)
// into one self-hosted script, build/editor/editor.js (git-ignored). `npm install` runs it (prepare);
// the server runs the same function when the bundle is missing, so `npm start` in a fresh checkout works.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EDITOR_ENTRY = resolve(root, 'src/web/admin/editor/client/main.ts');
export const EDITOR_BUNDLE = resolve(root, 'build/editor/editor.js');

/** Builds the bundle; resolves to its path. */
export async function buildEditor({ outfile = EDITOR_BUNDLE, minify = true } = {}) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [EDITOR_ENTRY],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const out = await buildEditor();
  console.log(`editor: bundled into ${out} in ${Date.now() - t0} ms`);
}
