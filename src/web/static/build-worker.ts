/**
 * @module One render thread of `mizan build` (started by render-pool.ts): opens the database on its own
 * connection, makes the site over the same bulk snapshot as the build's own thread, and renders
 * the batches of paths it is sent, writing their files itself and posting back only what the build needs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type OpenOptions } from '../../store/index.ts';
import { pageRenderer, type RendererOptions } from './page-renderer.ts';

/** What the build sends a render thread at start. */
export interface WorkerStart {
  target: Pick<OpenOptions, 'db' | 'url' | 'schema'>;
  renderer: RendererOptions;
}

/** What a render thread posts: once ready (or why it could not start), then one answer per batch. */
export type WorkerReply = { ready: true } | { failed: string } | { id: number; rendered: unknown } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('build-worker.ts runs as a worker thread of mizan build (see render-pool.ts)');
const start = workerData as WorkerStart;
try {
  // Not read-only: an image variant made here is stored as the server stores it, once for every later
  // build and reader. Nothing else is written: the site's requests run with `readOnly` deps (no scheduled
  // publishing, no session upkeep), and a build opens no migration.
  const store = await openStore({ ...start.target, migrate: false });
  const renderer = await pageRenderer(store, start.renderer);
  let rendering: Promise<unknown> = Promise.resolve();
  port.on('message', (msg: { id: number; paths: string[] } | 'close') => {
    if (msg === 'close') {
      void store.close().finally(() => port.close());
      return;
    }
    // One batch at a time: the next one, sent ahead, waits for this one.
    rendering = rendering.then(() => renderer.render(msg.paths)).then(
      (rendered) => port.postMessage({ id: msg.id, rendered } satisfies WorkerReply),
      (err: unknown) => port.postMessage({ id: msg.id, error: (err as Error)?.stack ?? String(err) } satisfies WorkerReply),
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ failed: (err as Error)?.message ?? String(err) } satisfies WorkerReply);
}
