/**
 * @module `mizan user add|list|disable|enable|passwd|reset-totp`: accounts for the editors' side. A
 * password is only ever read from standard input (never an argument, which other users of the machine
 * could read in the process list).
 */
import type { Command } from 'commander';
// Roles are needed to describe the options; the rest of the app loads only when a command runs.
import { isRole, ROLES } from '../../app/accounts/permissions.ts';
import { loadApp } from '../lazy.ts';
import { UsageError } from '../../lib/index.ts';
import { storeFor } from '../context.ts';

/** At a terminal: one line typed without echo. */
function readHidden(): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    stdin.setRawMode(true);
    process.stderr.write('password: ');
    stdin.setEncoding('utf8');
    let line = '';
    const done = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(line);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') {
          line = '';
          return done();
        }
        if (ch === '\u007f') line = line.slice(0, -1);
        else line += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The password: typed without echo at a terminal, else the first line of standard input. */
async function readPassword(): Promise<string> {
  let line: string;
  if (process.stdin.isTTY) line = await readHidden();
  else {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  if (!line) throw new UsageError('give the password on standard input, e.g. `mizan user add a@example.org --role editor < password.txt`');
  return line;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description("accounts for the editors' side (/admin)");
  user
    .command('add <email>')
    .description('create an account; the password is read from standard input')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .action(async (email: string, opts: { role: string }, cmd: Command) => {
      if (!isRole(opts.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${opts.role}"`);
      const password = await readPassword();
      const { addUser, CLI_ACTOR } = await loadApp();
      // The first admin may come before the first serve (FIRST_STEPS in main.ts): this one may make the database.
      const store = await storeFor(cmd, { create: true });
      try {
        const u = await addUser(store, { email, role: opts.role, password }, { actor: CLI_ACTOR });
        process.stdout.write(`created ${u.email} (${u.role})\n`);
      } finally {
        await store.close();
      }
    });
  user
    .command('list')
    .description('list accounts')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { listUsers } = await loadApp();
      const store = await storeFor(cmd);
      try {
        const users = await listUsers(store);
        if (opts.json) process.stdout.write(JSON.stringify(users, null, 2) + '\n');
        else for (const u of users) process.stdout.write(`${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.totpEnabled ? 'totp' : 'no-totp'}\n`);
      } finally {
        await store.close();
      }
    });
  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(`${name} <email>`)
      .description(disabled ? 'disable an account and end its sessions' : 'enable a disabled account')
      .action(async (email: string, _opts: unknown, cmd: Command) => {
        const { setDisabled, CLI_ACTOR } = await loadApp();
        const store = await storeFor(cmd);
        try {
          const u = await setDisabled(store, email, disabled, { actor: CLI_ACTOR });
          process.stdout.write(`${u.email} ${disabled ? 'disabled' : 'enabled'}\n`);
        } finally {
          await store.close();
        }
      });
  }
  user
    .command('passwd <email>')
    .description('set a new password (read from standard input); ends the account’s sessions')
    .action(async (email: string, _opts: unknown, cmd: Command) => {
      const password = await readPassword();
      const { setPassword, CLI_ACTOR } = await loadApp();
      const store = await storeFor(cmd);
      try {
        await setPassword(store, email, password, { actor: CLI_ACTOR });
        process.stdout.write(`password of ${email.trim().toLowerCase()} changed; its sessions were ended\n`);
      } finally {
        await store.close();
      }
    });
  user
    .command('role <email> <role>')
    .description(`change an account's role (${ROLES.join(', ')})`)
    .action(async (email: string, role: string, _opts: unknown, cmd: Command) => {
      const { setRole, CLI_ACTOR } = await loadApp();
      const store = await storeFor(cmd);
      try {
        await setRole(store, email, role, { actor: CLI_ACTOR });
        process.stdout.write(`${email.trim().toLowerCase()} is now ${role}\n`);
      } finally {
        await store.close();
      }
    });
  user
    .command('reset-totp <email>')
    .description('remove the second factor of an account (a lost phone)')
    .action(async (email: string, _opts: unknown, cmd: Command) => {
      const { resetTotp, CLI_ACTOR } = await loadApp();
      const store = await storeFor(cmd);
      try {
        await resetTotp(store, email, { actor: CLI_ACTOR });
        process.stdout.write(`second factor of ${email.trim().toLowerCase()} removed\n`);
      } finally {
        await store.close();
      }
    });
}
