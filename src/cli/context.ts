/**
 * @module What every command that touches the database needs: the store its settings point at
 * (`--db` wins over DATABASE_URL, which wins over ./data/mizan.db), opened and migrated. Only the
 * commands that make a site (`serve`, `restore`, the first `user add`; `db migrate` and `import` open
 * their own) may create a missing SQLite file: for the others a path that points at nothing is a
 * mistake, refused by name, and nothing is created.
 */
import type { Command } from 'commander';
import { NoDatabaseError } from '../lib/index.ts';
import type { OpenOptions } from '../store/index.ts';
import { loadApp, loadStore } from './lazy.ts';

/** What to run when there is no database yet, said with the refusal. */
const MAKES_ONE = 'mizan db migrate or mizan import creates one';

/**
 * Opens the store named by the program's global options. Close it when done.
 *
 * @example await storeFor(cmd)                   // --db typo/nope.db → NoDatabaseError: no database at typo/nope.db (…)
 * @example await storeFor(cmd, { create: true }) // makes ./data/mizan.db when it is missing
 */
export async function storeFor(cmd: Command, extra: { onQuery?: OpenOptions['onQuery']; create?: boolean } = {}) {
  const { openStore, storeTarget } = await loadStore();
  const opts = cmd.optsWithGlobals() as { db?: string };
  try {
    return await openStore({ ...storeTarget(opts), ...extra, create: extra.create ?? false });
  } catch (err) {
    if (err instanceof NoDatabaseError) throw new NoDatabaseError(err.path, `${err.message} (${MAKES_ONE})`);
    throw err;
  }
}

/**
 * The institute's identity for this run: `--config`, else MIZAN_CONFIG, else `mizan.config.*` beside the
 * SQLite file (the working directory on PostgreSQL), else `fallback` (the demo's own for `serve --demo`).
 */
export async function siteConfigFor(cmd: Command, fallback?: string) {
  const { loadSiteConfig, storeTarget } = await loadApp();
  const opts = cmd.optsWithGlobals() as { db?: string; config?: string };
  return loadSiteConfig({ config: opts.config, db: storeTarget(opts).db, fallback });
}
