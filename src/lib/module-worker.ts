/**
 * @module A worker thread running one of our modules, compiled or from the sources: compiled
 * (dist/…/x.js) the thread loads the compiled module; from the sources (x.ts) it registers tsx itself
 * (a worker does not take `--import tsx` from its options) with the project's tsconfig, whatever the
 * working directory, then imports the module.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

/**
 * A worker thread running `module` with `workerData`.
 *
 * @example moduleWorker(new URL(import.meta.url.endsWith('.js') ? './x-worker.js' : './x-worker.ts', import.meta.url), { n: 1 })
 */
export function moduleWorker(module: URL, workerData: unknown): Worker {
  if (module.pathname.endsWith('.js')) return new Worker(module, { workerData });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register({ tsconfig: ${JSON.stringify(TSCONFIG)} }); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * The module beside `here` named `name`, as compiled when `here` is (dist/ holds .js, src/ holds .ts).
 * Compiled, a thread's module is also bundled by scripts/build.mjs (`name.bundle.js`): that one file is
 * taken when it is there, as it loads in a third of the time.
 *
 * @example besideModule(import.meta.url, 'retag-worker') // → file:///…/src/app/retag-worker.ts from the sources
 */
export function besideModule(here: string, name: string): URL {
  if (!here.endsWith('.js')) return new URL(`./${name}.ts`, here);
  const bundle = new URL(`./${name}.bundle.js`, here);
  return existsSync(bundle) ? bundle : new URL(`./${name}.js`, here);
}
