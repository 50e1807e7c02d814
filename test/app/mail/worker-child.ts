/**
 * A worker process for the crash tests: opens the database named by MIZAN_TEST_TARGET (JSON, so a
 * PostgreSQL test schema can be named) and runs the same outbox worker `mizan serve` and
 * `mizan mail worker` start, until SIGTERM — or until the test kills it with SIGKILL.
 */
import { openStore } from '../../../src/store/index.ts';
import { startMailWorker } from '../../../src/cli/commands/mail.ts';

const store = await openStore(JSON.parse(process.env.MIZAN_TEST_TARGET!));
const worker = await startMailWorker(store, 'http://mizan.test', (line) => process.stdout.write(line + '\n'));
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await worker?.stop();
  await store.close();
  process.exit(0);
});
