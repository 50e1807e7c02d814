/**
 * @module What every command that touches the database needs: the store its settings point at
 * (`--db` wins over DATABASE_URL, which wins over ./data/mizan.db), opened and migrated.
 */
import type { Command } from 'commander';
import type { OpenOptions } from '../store/index.ts';
import { loadStore } from './lazy.ts';

/** Opens the store named by the program's global options. Close it when done. */
export async function storeFor(cmd: Command, extra: { onQuery?: OpenOptions['onQuery'] } = {}) {
  const { openStore, storeTarget } = await loadStore();
  const opts = cmd.optsWithGlobals() as { db?: string };
  return openStore({ ...storeTarget(opts), ...extra });
}
