/** @module The list of CLI commands: one line per command module. */
import type { Command } from 'commander';
import { registerArticle } from './article.ts';
import { registerBuild } from './build.ts';
import { registerBackup } from './backup.ts';
import { registerConfig } from './config.ts';
import { registerMedia } from './media.ts';
import { registerDb } from './db.ts';
import { registerImport } from './import.ts';
import { registerExport } from './export.ts';
import { registerSources } from './sources.ts';
import { registerSearch } from './search.ts';
import { registerServe } from './serve.ts';
import { registerText } from './text.ts';
import { registerUser } from './user.ts';
import { registerMail } from './mail.ts';

export function registerCommands(program: Command): void {
  registerDb(program);
  registerImport(program);
  registerExport(program);
  registerBackup(program);
  registerSources(program);
  registerUser(program);
  registerArticle(program);
  registerSearch(program);
  registerServe(program);
  registerBuild(program);
  registerText(program);
  registerMail(program);
  registerConfig(program);
  registerMedia(program);
}
