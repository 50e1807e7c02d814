/**
 * @module `mizan mail test|status|worker|retry|bounce|export|delete`: e-mail alerts from the command line. `test`
 * sends one message through MIZAN_SMTP_URL (the quickest way to see that the server, the sender and
 * DKIM are right); `status` shows the outbox; `worker` sends without serving the site (`mizan serve`
 * runs the same worker itself); `retry` sends again what is in doubt; `bounce` reads bounce mails; `export` writes the subscriber list as CSV; `delete` removes a
 * subscriber and everything kept about them.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { MizanError, publicOrigin, UsageError, writeOutputFile } from '../../lib/index.ts';
import { siteConfigFor, storeFor } from '../context.ts';
import { loadApp } from '../lazy.ts';

/** An instant as the wall clock in `timeZone` reads it: `2026-03-30 07:00 Europe/Berlin`. */
function zoned(iso: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return `${f.format(new Date(iso)).replace(',', '')} ${timeZone}`;
}

function baseUrl(): string {
  const given = process.env.MIZAN_BASE_URL;
  if (given) publicOrigin(given, 'MIZAN_BASE_URL');
  return given ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 3000}`;
}

async function requireConfig() {
  const { mailConfig } = await loadApp();
  const config = mailConfig();
  if (!config) throw new UsageError('MIZAN_SMTP_URL is not set: mail is off (set MIZAN_SMTP_URL=smtp://user:pass@host:port and MIZAN_MAIL_FROM)');
  return config;
}

/** Starts the outbox worker for `mizan serve` or `mizan mail worker`; undefined when mail is off. */
export async function startMailWorker(store: import('../../store/index.ts').Store, base: string, log: (line: string) => void, site?: { name: Record<string, string>; timeZone: string; defaultLanguage?: string }) {
  const { mailConfig, MailWorker, smtpMailer } = await loadApp();
  const config = mailConfig(process.env, site?.timeZone);
  if (!config) return undefined;
  const worker = new MailWorker(store, {
    mailer: smtpMailer(config.smtpUrl, { dkim: config.dkim, timeoutMs: Number(process.env.MIZAN_SMTP_TIMEOUT_MS) || undefined }),
    // The institute's own name heads every message (the configuration's, else the product's).
    settings: { from: config.from, domain: config.domain, baseUrl: base, siteNames: site?.name, defaultLang: site?.defaultLanguage },
    digest: config.digest,
    ratePerSecond: config.ratePerSecond,
    leaseMs: config.leaseMs,
    log,
  });
  worker.start();
  const u = new URL(config.smtpUrl);
  const d = config.digest;
  const day = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.weekday];
  log(
    `mail: sending through ${u.hostname}:${u.port || '(default port)'} as ${config.from}${config.dkim ? ', DKIM-signed' : ''}, at most ${config.ratePerSecond}/s; ` +
      `weekly digest ${day} ${String(d.hour).padStart(2, '0')}:${String(d.minute).padStart(2, '0')} ${d.timeZone}`,
  );
  return worker;
}

export function registerMail(program: Command): void {
  const mail = program.command('mail').description('e-mail alerts and newsletters');

  mail
    .command('test <address>')
    .description('send one test message through MIZAN_SMTP_URL')
    .option('--lang <lang>', 'language of the message (ar or en)', 'ar')
    .action(async (address: string, opts: { lang: string }) => {
      const config = await requireConfig();
      const { checkAddress, composeMail, smtpMailer, SendError } = await loadApp();
      if (!['ar', 'en'].includes(opts.lang)) throw new UsageError(`--lang is ar or en, not "${opts.lang}"`);
      const to = checkAddress(address).address;
      const mailer = smtpMailer(config.smtpUrl, { dkim: config.dkim, timeoutMs: Number(process.env.MIZAN_SMTP_TIMEOUT_MS) || 15_000 });
      try {
        const message = composeMail({ from: config.from, domain: config.domain, baseUrl: baseUrl() }, { kind: 'test', lang: opts.lang, messageId: `test.${Date.now()}`, to: { email: to, manageToken: '', unsubscribeToken: '' }, articles: [] });
        const result = await mailer.send(message);
        process.stdout.write(`sent to ${to}: ${result.response}\n`);
      } catch (err) {
        if (err instanceof SendError) throw new MizanError('smtp', `the SMTP server did not take the message (${err.permanent ? 'refused' : 'temporary failure'}): ${err.message}`, { cause: err });
        throw err;
      } finally {
        mailer.close();
      }
    });

  mail
    .command('status')
    .description('the outbox by state, the oldest waiting message, recent errors, subscribers by state')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { mailStatus, digestSchedule } = await loadApp();
      const site = await siteConfigFor(cmd);
      const store = await storeFor(cmd);
      try {
        const s = await mailStatus(store, { digest: digestSchedule(process.env, site.timeZone) });
        if (opts.json) return void process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        const line = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
        process.stdout.write(`outbox: ${line(s.outbox)}\n`);
        process.stdout.write(`oldest waiting: ${s.oldestQueued ?? 'none'}\n`);
        process.stdout.write(`weekly digest: ${s.digest.waiting} item(s) waiting; next at ${s.digest.next} (${zoned(s.digest.next, s.digest.timeZone)})\n`);
        process.stdout.write(`subscribers: ${line(s.subscribers)}\n`);
        process.stdout.write(`mail: ${process.env.MIZAN_SMTP_URL ? 'on' : 'off (MIZAN_SMTP_URL is not set)'}\n`);
        for (const e of s.recentErrors) process.stdout.write(`  ${e.status} after ${e.attempts} attempt(s): ${e.id}: ${e.error}\n`);
        if (s.inDoubt.length) {
          process.stdout.write(`in doubt (a worker stopped while the SMTP server had them; not sent again unless you run mizan mail retry): ${s.inDoubt.length}\n`);
          for (const d of s.inDoubt) process.stdout.write(`  ${d.id} to ${d.to ?? '?'} <${d.messageId}@…>\n`);
        }
        if (s.bounced.length) {
          process.stdout.write(`bounced (no more mail to these addresses):\n`);
          for (const b of s.bounced) process.stdout.write(`  ${b.email} since ${b.at}: ${b.reason}\n`);
        }
      } finally {
        await store.close();
      }
    });

  mail
    .command('worker')
    .description('send queued mail until stopped (mizan serve does this itself)')
    .action(async (_opts: unknown, cmd: Command) => {
      await requireConfig();
      const store = await storeFor(cmd);
      try {
        const site = await siteConfigFor(cmd);
        const worker = await startMailWorker(store, baseUrl(), (l) => process.stdout.write(l + '\n'), site);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await worker?.stop();
      } finally {
        await store.close();
      }
    });

  mail
    .command('retry [ids...]')
    .description('send again the messages in doubt (a worker stopped while the server had them) or given up; no ids: every one in doubt')
    .action(async (ids: string[], _opts: unknown, cmd: Command) => {
      const { requeue } = await loadApp();
      const store = await storeFor(cmd);
      try {
        const n = await requeue(store, ids);
        if (ids.length && n < ids.length) throw new MizanError('not-found', `${ids.length - n} of the ${ids.length} message(s) are not in doubt or given up (see mizan mail status)`);
        process.stdout.write(`queued ${n} message(s) again\n`);
      } finally {
        await store.close();
      }
    });

  mail
    .command('bounce <files...>')
    .description('read delivery status notifications (bounce mails, RFC 3464; - reads standard input): a hard bounce stops mail to the address')
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: { json?: boolean }, cmd: Command) => {
      const { applyDsn, NotADsnError } = await loadApp();
      const store = await storeFor(cmd);
      const report: { file: string; error?: string; bounces?: unknown[] }[] = [];
      try {
        for (const file of files) {
          let raw: string;
          try {
            raw = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
          } catch (err) {
            report.push({ file, error: `cannot be read: ${(err as Error).message}` });
            continue;
          }
          try {
            report.push({ file, bounces: await applyDsn(store, raw) });
          } catch (err) {
            if (!(err instanceof NotADsnError)) throw err;
            report.push({ file, error: err.message });
          }
        }
      } finally {
        await store.close();
      }
      if (opts.json) process.stdout.write(JSON.stringify({ files: report }, null, 2) + '\n');
      else
        for (const r of report) {
          if (r.error) process.stderr.write(`${r.file}: ${r.error}\n`);
          for (const b of (r.bounces ?? []) as { email: string; kind: string; stopped: boolean; detail: string }[])
            process.stdout.write(`${r.file}: ${b.email}: ${b.kind} bounce${b.stopped ? ', no more mail to this address' : b.kind === 'soft' ? ', counted' : ''} (${b.detail})\n`);
        }
      if (report.some((r) => r.error)) process.exitCode = 1;
    });

  mail
    .command('export')
    .description('the subscriber list as CSV')
    .option('--out <file>', 'write to FILE instead of standard output')
    .action(async (opts: { out?: string }, cmd: Command) => {
      const { subscribersCsv } = await loadApp();
      const store = await storeFor(cmd);
      try {
        const csv = await subscribersCsv(store);
        if (opts.out) writeOutputFile(opts.out, csv);
        else process.stdout.write(csv);
      } finally {
        await store.close();
      }
    });

  mail
    .command('delete <address>')
    .description('delete a subscriber and everything kept about them')
    .action(async (address: string, _opts: unknown, cmd: Command) => {
      const { findSubscriberByAddress, deleteSubscriber } = await loadApp();
      const store = await storeFor(cmd);
      try {
        const sub = await findSubscriberByAddress(store, address);
        if (!sub) throw new MizanError('not-found', `no subscriber ${address}`);
        await deleteSubscriber(store, sub.id);
        process.stdout.write(`deleted ${sub.email}\n`);
      } finally {
        await store.close();
      }
    });
}
