/** @module `mizan db migrate`: brings the database to the current schema. */
import type { Command } from 'commander';
import { loadStore } from '../lazy.ts';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('bring the database to the current schema')
    .action(async (_opts, cmd: Command) => {
      const { migrate, openStore, storeTarget } = await loadStore();
      const target = storeTarget(cmd.optsWithGlobals());
      const store = await openStore({ ...target, migrate: false });
      try {
        const { applied } = await migrate(store.db);
        const where = target.db ?? 'PostgreSQL';
        process.stdout.write(applied.length ? `${where}: applied ${applied.join(', ')}\n` : `${where}: already up to date\n`);
      } finally {
        await store.close();
      }
    });
}
