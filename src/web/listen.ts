/**
 * @module Serves an app on a port with @hono/node-server, and says plainly when the port is taken.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { MizanError } from '../lib/index.ts';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts serving `app`; resolves once it listens (port 0 picks a free one).
 *
 * @example const { url, close } = await listen(app, { port: 0, host: '127.0.0.1' }) // url → 'http://127.0.0.1:40123'
 */
export function listen(app: Hono, opts: { port: number; host: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }) as Server;
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
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
