/**
 * @module Serves an app on a port with @hono/node-server, and says plainly when the port is taken.
 * Requests Node refuses before the app sees them (headers past its size limit, bytes that are not HTTP)
 * get a short bilingual page rather than an empty answer (http/client-error.ts).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { MizanError } from '../lib/index.ts';
import { answerClientError } from './http/client-error.ts';

export interface Listening {
  url: string;
  /**
   * Stops accepting connections, lets the requests in flight finish (closing each kept-alive connection
   * as it falls idle), and resolves when all are done; after `graceMs` (default 10 s) the rest are cut.
   */
  close(opts?: { graceMs?: number }): Promise<void>;
  /** Requests being answered now. */
  inFlight(): number;
}

/**
 * Starts serving `app`; resolves once it listens (port 0 picks a free one).
 *
 * @example const { url, close } = await listen(app, { port: 0, host: '127.0.0.1' }) // url → 'http://127.0.0.1:40123'
 */
export function listen(app: Hono, opts: { port: number; host: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }) as Server;
    server.on('clientError', answerClientError);
    let active = 0;
    let closing = false;
    server.on('request', (req, res) => {
      active++;
      // A connection kept alive past its answer would hold the stop up: say it closes, and close it.
      if (closing) res.setHeader('connection', 'close');
      res.once('close', () => {
        active--;
        if (closing) server.closeIdleConnections();
      });
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new MizanError('port-taken', `port ${opts.port} on ${opts.host} is already in use`, { cause: err }));
      } else if (err.code === 'EACCES') {
        reject(new MizanError('port-denied', `not allowed to listen on port ${opts.port} on ${opts.host}`, { cause: err }));
      } else {
        reject(err);
      }
    });
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({
        url: `http://${host}:${port}`,
        inFlight: () => active,
        close: ({ graceMs = 10_000 } = {}) =>
          new Promise<void>((done) => {
            closing = true;
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
