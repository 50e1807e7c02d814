/**
 * @module A local SMTP server for the mail benchmark, in its own process so it does not share the
 * sender's event loop: accepts everything, counts messages, prints `port N` when listening and the
 * count when asked on stdin.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, cb) {
    stream.on('data', () => {});
    stream.on('end', () => {
      count++;
      cb();
    });
  },
});
// Replies go out at once (no Nagle delay waiting on the client's delayed ACK), as a production MTA's do.
(server as unknown as { server: import('node:net').Server }).server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(0, '127.0.0.1', () => {
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  process.stdout.write(`port ${port}\n`);
});
process.stdin.setEncoding('utf8').on('data', () => process.stdout.write(`count ${count}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
