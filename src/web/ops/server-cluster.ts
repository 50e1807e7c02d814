/**
 * @module `mizan serve --processes N`: N server processes sharing one port (node:cluster), as nginx runs
 * one worker per core. A single Node process renders pages on one core; the others stay idle. This first
 * process does the once-only work (demo content, reindex, the setup token, mail and the schedule) and
 * forks the servers; each server process runs the whole site on its own connection to the same database
 * (what `docs/deploy.md` says of several servers holds here). A server that dies is replaced; SIGTERM
 * stops them all, each finishing its requests in flight.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { MizanError } from '../../lib/index.ts';
import { answerClusterMetrics } from './metrics.ts';

/** What a server process tells the first one once it serves (its caches warm, `/readyz` ready). */
export interface ServerReady {
  type: 'mizan:ready';
  url: string;
}

/** Whether this process is one of the servers of `mizan serve --processes N`. */
export const isServerProcess = (): boolean => cluster.isWorker;

/**
 * The number of server processes asked for: a whole number from 1 to 64, or `auto` (one per CPU).
 *
 * @example processesOf('auto') // → 2 on a two-core machine
 */
export function processesOf(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--processes/MIZAN_PROCESSES must be a whole number from 1 to 64, or "auto", not "${value}"`);
  return n;
}

/** In a server process: tells the first process it is ready to take traffic. */
export function reportReady(url: string): void {
  const ready: ServerReady = { type: 'mizan:ready', url };
  process.send?.(ready);
}

/** Records what the cluster does (a server process replaced). */
export type ClusterLog = (level: 'info' | 'warn', record: object, message: string) => void;

/** Backs off a server that keeps dying at start (a bad deploy), so the first process does not spin. */
const RESTART_DELAYS_MS = [100, 1_000, 5_000, 30_000];

export class ServerCluster {
  readonly url: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #log: ClusterLog;
  #stopping = false;
  #quickDeaths = 0;

  private constructor(url: string, env: NodeJS.ProcessEnv, log: ClusterLog) {
    this.url = url;
    this.#env = env;
    this.#log = log;
    cluster.on('exit', (worker, code, signal) => this.#exited(worker, code, signal));
  }

  /**
   * Forks `size` server processes (this same command, run again by node:cluster, with `env` added) and
   * resolves once every one has said it is ready.
   */
  static async start(opts: { size: number; env?: NodeJS.ProcessEnv; log: ClusterLog }): Promise<ServerCluster> {
    if (!cluster.isPrimary) throw new Error('a server cluster is started by the first process only');
    answerClusterMetrics();
    const env = opts.env ?? {};
    try {
      const ready = await Promise.all(Array.from({ length: opts.size }, () => ServerCluster.#fork(env)));
      return new ServerCluster(ready[0], env, opts.log);
    } catch (err) {
      // One could not start (the port taken, say): the others must not outlive the command.
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      throw err;
    }
  }

  /** A new server process; resolves with its address when it is ready, rejects if it exits first. */
  static #fork(env: NodeJS.ProcessEnv): Promise<string> {
    const worker = cluster.fork(env);
    return new Promise((resolve, reject) => {
      const onMessage = (m: Partial<ServerReady>) => {
        if (m?.type !== 'mizan:ready' || typeof m.url !== 'string') return;
        worker.off('exit', onExit);
        worker.off('message', onMessage);
        resolve(m.url);
      };
      const onExit = (code: number | null, signal: string | null) => {
        worker.off('message', onMessage);
        reject(new MizanError('server-failed', `a server process exited before serving (${signal ?? `code ${code}`}); its error is above`));
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
    });
  }

  /** Server processes running now. */
  get size(): number {
    return Object.keys(cluster.workers ?? {}).length;
  }

  #exited(worker: Worker, code: number | null, signal: string | null): void {
    if (this.#stopping) return;
    const delay = RESTART_DELAYS_MS[Math.min(this.#quickDeaths, RESTART_DELAYS_MS.length - 1)];
    this.#quickDeaths++;
    this.#log('warn', { pid: worker.process.pid, code, signal, restartInMs: delay }, `server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    setTimeout(() => {
      if (this.#stopping) return;
      ServerCluster.#fork(this.#env).then(
        () => {
          this.#quickDeaths = 0;
          this.#log('info', { servers: this.size }, `a new server process is serving (${this.size} in all)`);
        },
        (err: Error) => this.#log('warn', {}, err.message),
      );
    }, delay).unref();
  }

  /**
   * Stops every server process: each stops accepting, finishes what is in flight within `graceMs`, and
   * closes its database. Resolves once all have exited (a process still there 5 s past the grace is killed).
   */
  async stop(opts: { graceMs: number }): Promise<void> {
    this.#stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const kill = setTimeout(() => w.process.kill('SIGKILL'), opts.graceMs + 5_000);
            w.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
  }
}
