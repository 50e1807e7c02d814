/**
 * @module Mail: how long a publish takes with and without 10,000 matching subscribers (the alerts are
 * queued in the publishing transaction; delivery never waits on it), how many alerts a second the
 * publish queues, and how many a second the outbox worker delivers to a local SMTP server (its own
 * process) — beside the peer, plain Nodemailer sending the same messages in a loop with no database,
 * no lease and no bookkeeping, in the same run. `npm run bench -- mail` (or
 * `node --import tsx bench/mail/run.ts [--n 10000] [--postgres-only]`); set DATABASE_URL to measure PostgreSQL too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import nodemailer from 'nodemailer';
import { composeMail, MailWorker, mdb, saveEdit, smtpMailer, transition, type Editor } from '../../src/app/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { makeArticle } from '../../test/support/articles.ts';

const N = Number(process.argv[process.argv.indexOf('--n') + 1] || 0) || 10_000;
const editor: Editor = { id: 'bench', email: 'bench@example.org', ip: '127.0.0.1', role: 'editor' };
const settings = { from: 'Alerts <alerts@mizan.test>', domain: 'mizan.test', baseUrl: 'https://mizan.test' };

async function sink(): Promise<{ port: number; count(): Promise<number>; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./smtp-sink.ts', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: ((l: string) => void)[] = [];
  let buf = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((r) => lines.push(r));
  const port = Number((await next()).split(' ')[1]);
  return {
    port,
    async count() {
      const p = next();
      child.stdin!.write('?\n');
      return Number((await p).split(' ')[1]);
    },
    stop: () => void child.kill('SIGTERM'),
  };
}

async function addSubscribers(store: Store, n: number): Promise<void> {
  const now = new Date().toISOString();
  const db = mdb(store);
  for (let i = 0; i < n; i += 500) {
    const rows = Array.from({ length: Math.min(500, n - i) }, (_, k) => {
      const id = randomBytes(12).toString('base64url');
      return { id, email: `reader${i + k}@example.org`, email_key: `reader${i + k}@example.org`, status: 'active' as const, ui_lang: 'ar', langs: ',ar,', frequency: 'instant' as const, token_version: 1, created_at: now, updated_at: now, confirmed_at: now, stopped_reason: null };
    });
    await db.insertInto('mail_subscribers').values(rows).execute();
    await db.insertInto('mail_follows').values(rows.map((r) => ({ subscriber_id: r.id, kind: 'all' as const, ref: '' }))).execute();
  }
}

async function publishMs(store: Store, slug: string): Promise<number> {
  const saved = await saveEdit(store, editor, { article: makeArticle({ slug, title: `تحليل ${slug}` }) });
  const t = performance.now();
  await transition(store, editor, saved.id, 'publish');
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(label: string, open: () => Promise<Store>): Promise<void> {
  const smtp = await sink();
  const url = `smtp://127.0.0.1:${smtp.port}?tls=off`;
  try {
    const bare = await open();
    const without: number[] = [];
    for (let i = 0; i < 5; i++) without.push(await publishMs(bare, `bare-${i}`));
    await bare.close();

    const store = await open();
    await addSubscribers(store, N);
    const withSubs: number[] = [];
    for (let i = 0; i < 3; i++) withSubs.push(await publishMs(store, `full-${i}`));
    // Keep one publish's alerts queued for delivery; cancel the others.
    const queued = await mdb(store).selectFrom('mail_outbox').select('article_id').distinct().execute();
    await mdb(store).deleteFrom('mail_outbox').where('article_id', '!=', queued[0].article_id!).execute();
    const mWithout = median(without);
    const mWith = median(withSubs);
    console.log(`${label}: publish without subscribers ${mWithout.toFixed(1)} ms; with ${N.toLocaleString('en')} matching subscribers ${mWith.toFixed(1)} ms (×${(mWith / mWithout).toFixed(1)}); alerts queued ${Math.round(N / (mWith / 1000)).toLocaleString('en')}/s inside the publish`);

    const worker = new MailWorker(store, { mailer: smtpMailer(url), settings, ratePerSecond: 1e9, batch: 200 });
    const before = await smtp.count();
    let t = performance.now();
    for (;;) {
      const r = await worker.tick();
      if (!r.claimed) break;
    }
    const workerS = (performance.now() - t) / 1000;
    await worker.stop();
    const delivered = (await smtp.count()) - before;
    const workerRate = delivered / workerS;

    // The peer: Nodemailer alone, one pooled connection, the same message composed once, no database.
    const article = (await store.getArticle(queued[0].article_id!))!;
    const peer = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: 500 });
    const peerBefore = await smtp.count();
    t = performance.now();
    for (let i = 0; i < N; i++) {
      const m = composeMail(settings, { kind: 'alert', lang: 'ar', messageId: `peer.${i}`, to: { email: `reader${i}@example.org`, manageToken: 'm', unsubscribeToken: 'u' }, articles: [article] });
      await peer.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId, headers: m.headers });
    }
    const peerS = (performance.now() - t) / 1000;
    peer.close();
    const peerRate = ((await smtp.count()) - peerBefore) / peerS;
    console.log(`${label}: delivered ${delivered.toLocaleString('en')} alerts in ${workerS.toFixed(1)} s = ${Math.round(workerRate)}/s; plain Nodemailer ${Math.round(peerRate)}/s; ratio ${(workerRate / peerRate).toFixed(2)}`);
    await store.close();
  } finally {
    smtp.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-mail-'));
try {
  let k = 0;
  if (!process.argv.includes('--postgres-only')) await measure('SQLite', () => openStore({ db: join(dir, `m${k++}.db`) }));
  const url = process.env.DATABASE_URL;
  if (url) {
    const schemas: string[] = [];
    try {
      await measure('PostgreSQL', async () => {
        const schema = `bench_mail_${randomBytes(4).toString('hex')}`;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`create schema ${schema}`);
        await c.end();
        schemas.push(schema);
        return openStore({ url, schema });
      });
    } finally {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      for (const s of schemas) await c.query(`drop schema if exists ${s} cascade`);
      await c.end();
    }
  } else console.log('PostgreSQL: skipped (DATABASE_URL is not set)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
