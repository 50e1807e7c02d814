/**
 * @module `mizan article publish|unpublish|delete ID`: the workflow for scripts. Delete keeps a
 * tombstone and every revision; each act is in the audit log as done by the command line.
 */
import type { Command } from 'commander';
import { loadApp } from '../lazy.ts';
import { NotFoundError } from '../../lib/index.ts';
import { storeFor } from '../context.ts';

export function registerArticle(program: Command): void {
  const article = program.command('article').description('publish, unpublish or delete an article by id');
  for (const action of ['publish', 'unpublish'] as const) {
    article
      .command(`${action} <id>`)
      .description(action === 'publish' ? 'publish an article now' : 'take a published or scheduled article off the public site')
      .action(async (id: string, _opts: unknown, cmd: Command) => {
        const { CLI_EDITOR, transition } = await loadApp();
        const store = await storeFor(cmd);
        try {
          if (!(await store.getArticle(id))) throw new NotFoundError(`no article ${id}`);
          const status = await transition(store, CLI_EDITOR, id, action);
          process.stdout.write(`${id}: ${status}\n`);
        } finally {
          await store.close();
        }
      });
  }
  article
    .command('delete <id>')
    .description('delete an article (a tombstone and its revisions are kept)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { CLI_EDITOR, deleteWithTombstone } = await loadApp();
      const store = await storeFor(cmd);
      try {
        if (!(await deleteWithTombstone(store, CLI_EDITOR, id))) throw new NotFoundError(`no article ${id}`);
        process.stdout.write(`${id}: deleted (tombstone and revisions kept)\n`);
      } finally {
        await store.close();
      }
    });
}
