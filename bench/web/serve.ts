/**
 * @module The Mizan server the web benchmarks measure, in its own process (so the harness never shares
 * its event loop): `serve.ts <db file> <port> cached|rendered`. Searches go to worker processes as in
 * `mizan serve` (MIZAN_SEARCH_WORKERS, 0 for none).
 */
import { poolable, pooledSearcher, SearchPool, searchWorkersOf } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import { createWebApp, listen } from '../../src/web/index.ts';

const [db, port, mode] = process.argv.slice(2);
const store = await openStore({ db });
const workers = searchWorkersOf(process.env.MIZAN_SEARCH_WORKERS);
const pool = workers > 0 && poolable({ db }) ? await SearchPool.start({ target: { db }, size: workers }) : undefined;
const app = createWebApp({ store, baseUrl: 'https://mizan.example', searcher: pool && pooledSearcher(pool, store) }, { noCache: mode === 'rendered' });
const server = await listen(app, { port: Number(port), host: '127.0.0.1' });
process.stdout.write(`ready ${server.url} (${pool ? `${pool.size} search worker(s)` : 'searches on the server thread'})\n`);
process.on('SIGTERM', async () => {
  await server.close();
  await pool?.close();
  await store.close();
  process.exit(0);
});
