#!/usr/bin/env node
// Compiles src/ to dist/ for production: one JavaScript module per source module (same folders, so
// `new URL('./assets/site.css', import.meta.url)` and `../../demo/` still resolve), relative imports
// rewritten from `./x.ts` to `./x.js`, JSX compiled for our runtime (src/web/jsx), and every non-TypeScript
// file under src/ (stylesheets, data) copied beside the code. esbuild only strips types: `npm test` runs the type checker.
// It writes dist/build-info.json last; bin/mizan.js runs dist/ only when that stamp matches src/.
// `--if-stale` does nothing when dist/ is already current (`npm start` uses it).
import { build, transform } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledIsCurrent, sourceStamp } from '../bin/source-stamp.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
// `--out DIR` (one level under the repository, so `../../demo/` still resolves) is for tests.
const out = outArg >= 0 ? join(root, args[outArg + 1]) : join(root, 'dist');

function filesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found;
}

const isCode = (path) => /\.tsx?$/.test(path) && !/\.d\.ts$/.test(path);
const isTest = (path) => /\.test\.tsx?$/.test(path);

/** Keeps every import as an import (no bundling); a relative `.ts`/`.tsx` specifier becomes `.js`. */
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      // Our JSX runtime is named through package.json `imports` (`#jsx/…`), which dist/ (its own package)
      // lacks: each compiled module points at the compiled runtime by a relative path instead.
      if (args.path.startsWith('#jsx/')) {
        const target = relative(dirname(args.importer), join(src, 'web', 'jsx', args.path.slice('#jsx/'.length) + '.js')).split(sep).join('/');
        return { path: target.startsWith('.') ? target : './' + target, external: true };
      }
      const path = /^\.\.?\//.test(args.path) ? args.path.replace(/\.tsx?$/, '.js') : args.path;
      return { path, external: true };
    });
  },
};

/**
 * Compiles each .tsx module's JSX for our runtime, then precompiles its elements into strings
 * (scripts/jsx-precompile.mjs). Without the TypeScript package (an install without dev dependencies)
 * the views keep calling the runtime, which renders the same bytes more slowly.
 */
async function precompiledViews() {
  let precompiler;
  try {
    ({ precompiler } = await import('./jsx-precompile.mjs'));
  } catch (e) {
    process.stderr.write(`views not precompiled (${e.message.split('\n')[0]}): they render through the JSX runtime\n`);
    return null;
  }
  const precompile = await precompiler(join(src, 'web', 'jsx', 'jsx-runtime.ts'));
  const tsconfigRaw = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  return {
    name: 'precompiled-views',
    setup(b) {
      b.onLoad({ filter: /\.tsx$/ }, async (args) => {
        const source = readFileSync(args.path, 'utf8');
        const js = await transform(source, { loader: 'tsx', sourcefile: args.path, format: 'esm', target: 'node20', jsx: 'automatic', jsxImportSource: '#jsx', tsconfigRaw });
        return { contents: precompile(js.code, args.path), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** The modules our worker threads run (lib/module-worker.ts `besideModule`). */
const THREAD_ENTRIES = ['web/static/build-worker.js', 'app/retag-worker.js'];
/** Pure-JavaScript packages every thread loads at start, bundled with our code; the others stay imports. */
const THREAD_PACKAGES = new Set(['hono', 'kysely', 'zod']);

/**
 * Each thread's compiled module bundled, with our compiled modules and THREAD_PACKAGES, into
 * `<name>.bundle.js` beside it, which `besideModule` starts instead: a thread then loads one file, not some
 * 770 modules (at a render thread's start that was about 330 ms of CPU in 520). Each module keeps its own
 * `import.meta.url` (its assets, its `createRequire`), rewritten to its own file's address.
 */
async function bundleThreads() {
  for (const entry of THREAD_ENTRIES) {
    const entryFile = join(out, entry);
    const outfile = entryFile.replace(/\.js$/, '.bundle.js');
    await build({
      entryPoints: [entryFile],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      plugins: [
        {
          name: 'thread-bundle',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (a) => {
              const name = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : a.path.split('/')[0];
              return THREAD_PACKAGES.has(name) ? undefined : { path: a.path, external: true };
            });
            b.onLoad({ filter: /\.js$/ }, (a) => {
              if (!a.path.startsWith(out)) return undefined;
              const own = relative(dirname(outfile), a.path).split(sep).join('/');
              const source = readFileSync(a.path, 'utf8').replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(own)}, import.meta.url).href`);
              return { contents: source, loader: 'js', resolveDir: dirname(a.path) };
            });
          },
        },
      ],
    });
  }
}

const started = performance.now();
const stamp = sourceStamp(src);
if (args.includes('--if-stale') && compiledIsCurrent(src, join(out, 'build-info.json'))) process.exit(0);
const all = filesUnder(src);
const code = all.filter((p) => isCode(p) && !isTest(p));
rmSync(out, { recursive: true, force: true });
const views = await precompiledViews();
await build({
  entryPoints: code,
  outdir: out,
  outbase: src,
  bundle: true,
  plugins: views ? [views, keepImports] : [keepImports],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: '#jsx',
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const file of all.filter((p) => !isCode(p))) {
  const target = join(out, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
await bundleThreads();
writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
writeFileSync(join(out, 'build-info.json'), JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }) + '\n');
const ms = performance.now() - started;
process.stdout.write(`compiled ${code.length} modules to dist/ in ${ms.toFixed(0)} ms\n`);
