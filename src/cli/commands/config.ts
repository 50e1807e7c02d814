/** @module `mizan config check [FILE]`: validates the institute's configuration file without serving. */
import type { Command } from 'commander';
import { loadApp } from '../lazy.ts';
import { siteConfigFor } from '../context.ts';

export function registerConfig(program: Command): void {
  const config = program.command('config').description("the institute's configuration file (mizan.config.json|yaml|yml)");
  config
    .command('check [file]')
    .description('validate the configuration file (FILE, else --config, MIZAN_CONFIG or the one beside the database)')
    .option('--json', 'print the settings as the site will use them')
    .action(async (file: string | undefined, opts: { json?: boolean }, cmd: Command) => {
      const site = file ? (await loadApp()).readSiteConfig(file) : await siteConfigFor(cmd);
      if (opts.json) {
        const { logo, ...rest } = site;
        process.stdout.write(JSON.stringify({ ...rest, logo: logo ? { type: logo.type, bytes: logo.bytes.length } : null }, null, 2) + '\n');
      } else {
        process.stdout.write(site.source === 'default' ? 'no configuration file: the site runs under Mizan’s own name\n' : `${site.source}: valid (${site.name.en ?? Object.values(site.name)[0]})\n`);
      }
    });
}
