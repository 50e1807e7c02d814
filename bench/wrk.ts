/**
 * @module What the HTTP benches share: a free port on loopback, and the figures of wrk's `--latency`
 * output. wrk prints a latency as `812.00us`, `3.21ms` or `1.35s ` (with a trailing space): read here once.
 */
import { createServer } from 'node:net';

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** wrk's figures for one run. */
export interface WrkFigures {
  rps: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  /** Answers other than 2xx/3xx. */
  non2xx: number;
  /** Requests wrk gave up on after its timeout (not in the percentiles). */
  timeouts: number;
  /** Socket errors of every kind, timeouts included. */
  socketErrors: number;
}

/** `toMs('1.35s')` → 1350; NaN for anything else. */
function toMs(value = ''): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

/** The figures of one wrk run's output (run with `--latency` for the percentiles). */
export function readWrk(out: string): WrkFigures {
  if (process.env.BENCH_VERBOSE) process.stderr.write(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  // The percentiles of the "Latency Distribution" block, one a line ("    99%    3.21ms").
  const percentile = (p: number) => toMs(new RegExp(`^\\s+${p}%\\s+(\\S+)\\s*$`, 'm').exec(out)?.[1]);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50ms: percentile(50),
    p99ms: percentile(99),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    timeouts: Number(socket?.[4] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}
