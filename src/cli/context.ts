/**
 * @module What every command that touches the database needs: the store its settings point at
 * (`--db` wins over DATABASE_URL, which wins over ./data/mizan.db), opened and migrated.
 */
import type { Command } from 'commander';
import type { OpenOptions } from '../store/index.ts';
import { loadApp, loadStore } from './lazy.ts';

/** Opens the store named by the program's global options. Close it when done. */
export async function storeFor(cmd: Command, extra: { onQuery?: OpenOptions['onQuery'] } = {}) {
  const { openStore, storeTarget } = await loadStore();
  const opts = cmd.optsWithGlobals() as { db?: string };
  return openStore({ ...storeTarget(opts), ...extra });
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
