/**
 * @module The render threads of one `mizan build` (build-worker.ts), each with its own
 * connection, so a site renders on every core as Hugo does. The build hands a batch of paths to a thread
 * that is ready and not busy, and renders batches on its own thread meanwhile; a thread that could not
 * start is left out, and the batch of one that died is given back to render elsewhere.
 */
import type { Worker } from 'node:worker_threads';
import { besideModule, moduleWorker } from '../../lib/index.ts';
import type { Rendered } from './page-renderer.ts';
import type { WorkerReply, WorkerStart } from './build-worker.ts';

/** Compiled (dist/…/render-pool.js) the worker is compiled too; from the sources it runs through tsx. */
function newWorker(workerData: WorkerStart): Worker {
  return moduleWorker(besideModule(import.meta.url, 'build-worker'), workerData);
}

/** A render thread that stopped while it had a batch: the batch is to be rendered elsewhere. */
export class ThreadGone extends Error {}

/** One render thread. */
export class RenderThread {
  #ready = false;
  #gone = false;
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: (r: Rendered[]) => void; reject: (err: unknown) => void }>();
  readonly #exited: Promise<unknown>;
  #started!: () => void;
  /** Settles once the thread is ready, or could not start. */
  readonly started = new Promise<void>((resolve) => (this.#started = resolve));

  constructor(private readonly worker: Worker) {
    this.#exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.on('message', (msg: WorkerReply) => {
      if ('ready' in msg) {
        this.#ready = true;
        this.#started();
      }
      else if ('failed' in msg) this.#stop(new ThreadGone(`a render thread could not start: ${msg.failed}`));
      else {
        const pending = this.#pending.get(msg.id);
        if (!pending) return;
        this.#pending.delete(msg.id);
        if ('rendered' in msg) pending.resolve(msg.rendered as Rendered[]);
        else pending.reject(new Error(`rendering in a build thread failed: ${msg.error}`));
      }
    });
    worker.on('error', (err) => this.#stop(new ThreadGone(`a render thread failed: ${err.message}`)));
    worker.on('exit', () => this.#stop(new ThreadGone('a render thread exited')));
  }

  #stop(err: ThreadGone): void {
    if (this.#gone) return;
    this.#gone = true;
    this.#started();
    for (const pending of this.#pending.values()) pending.reject(err);
    this.#pending.clear();
    void this.worker.terminate();
  }

  /**
   * Ready for a batch: started, alive, and with fewer than BATCHES_IN_FLIGHT: the next batch waits in the
   * thread while it renders one, so it is never idle while the build's own thread is busy.
   */
  get idle(): boolean {
    return this.#ready && !this.#gone && this.#pending.size < RenderThread.BATCHES_IN_FLIGHT;
  }

  static readonly BATCHES_IN_FLIGHT = 2;

  /** Whether it was given a batch. */
  used = false;

  render(paths: string[]): Promise<Rendered[]> {
    this.used = true;
    const id = ++this.#nextId;
    return new Promise<Rendered[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, paths });
    });
  }

  async close(): Promise<void> {
    if (!this.#gone) this.worker.postMessage('close');
    this.#gone = true;
    this.#started();
    // A thread that closed its connection ends by itself; one still opening or stuck is ended.
    const timer = setTimeout(() => void this.worker.terminate(), this.#ready ? 5000 : 0);
    await this.#exited;
    clearTimeout(timer);
  }
}

/**
 * Starts `count` render threads (they open their connections while the build's own thread starts).
 *
 * @example const threads = startRenderThreads(1, { target: { db: 'mizan.db' }, renderer: { out, origin, previous } })
 */
export function startRenderThreads(count: number, start: WorkerStart): RenderThread[] {
  const threads: RenderThread[] = [];
  for (let i = 0; i < count; i++) threads.push(new RenderThread(newWorker(start)));
  return threads;
}
