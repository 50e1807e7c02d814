/**
 * @module The Mizan server the web benchmark measures, in its own process (so the harness never shares
 * its event loop): `serve.ts <db file> <port> cached|rendered`.
 */
import { openStore } from '../../src/store/index.ts';
import { createWebApp, listen } from '../../src/web/index.ts';

const [db, port, mode] = process.argv.slice(2);
const store = await openStore({ db });
const app = createWebApp({ store, baseUrl: 'https://mizan.example' }, { noCache: mode === 'rendered' });
const server = await listen(app, { port: Number(port), host: '127.0.0.1' });
process.stdout.write(`ready ${server.url}\n`);
process.on('SIGTERM', async () => {
  await server.close();
  await store.close();
  process.exit(0);
});
