/**
 * @module The `mizan` command line. Each command lives in `commands/<name>.ts` and registers itself
 * here; errors reach one reporter (`report.ts`) that prints them and sets the exit code:
 * 0 success, 1 user error, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './report.ts';
import { registerCommands } from './commands/index.ts';

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('mizan')
    .description('Mizan: a bilingual, Arabic-first publishing and research platform')
    .option('--db <path>', 'SQLite database file (default ./data/mizan.db; DATABASE_URL selects PostgreSQL)')
    .option('--config <file>', "the institute's configuration file (default $MIZAN_CONFIG, else mizan.config.json|yaml|yml beside the database)")
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    return reportError(err);
  }
}
