/**
 * @module The `mizan` command line. Each command lives in `commands/<name>.ts` and registers itself
 * here; errors reach one reporter (`report.ts`) that prints them and sets the exit code:
 * 0 success, 1 user error, 2 usage error (a missing command too: the help goes to stderr).
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './report.ts';
import { registerCommands } from './commands/index.ts';

/** What a newcomer does first, under the list of commands. */
const FIRST_STEPS = `
First steps:
  mizan serve --demo          serve the site with demo content at http://127.0.0.1:3000/
                              (Arabic at /ar/, the editors' side at /admin; PORT and HOST choose where)
  open the setup address it prints to create the first admin account
                              (or, from a script: mizan user add EMAIL --role admin < password.txt)
  mizan import PAGE…          then bring in your own pages (scraped text, HTML, Markdown, Article JSON)

Every command has --help.`;

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('mizan')
    .description('Mizan: a bilingual, Arabic-first publishing and research platform')
    .option('--db <path>', 'SQLite database file (default ./data/mizan.db; DATABASE_URL selects PostgreSQL)')
    .option('--config <file>', "the institute's configuration file (default $MIZAN_CONFIG, else mizan.config.json|yaml|yml beside the database)")
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', FIRST_STEPS);
  registerCommands(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      // `mizan help` asked for the help (exit 0); `mizan` or `mizan user` alone got it, on stderr, for a
      // missing command: a usage error like any other.
      if (err.code === 'commander.help' && err.exitCode === 0) return 0;
      if (err.code === 'commander.help') process.stderr.write('mizan: missing command (the commands are listed above)\n');
      return 2;
    }
    return reportError(err);
  }
}
