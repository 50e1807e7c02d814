/**
 * The nginx configuration shipped in deploy/nginx-mizan.conf, run by Debian's nginx in front of two real
 * `mizan serve`: pages come through, the request id passes both ways, and with one server killed every
 * request still gets its page from the other. Skips visibly without nginx.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from '../support/cli.ts';

const NGINX = '/usr/sbin/nginx';
const skip = existsSync(NGINX) ? false : `nginx not found at ${NGINX} (apt-get install nginx)`;
const CONF = fileURLToPath(new URL('../../deploy/nginx-mizan.conf', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function start(cmd: string, args: string[], ready: RegExp | null, env: NodeJS.ProcessEnv = process.env): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env });
    let out = '';
    const onData = (d: string) => {
      out += d;
      if (ready && ready.test(out)) resolve(child);
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
    child.on('close', (code) => reject(new Error(`${cmd} exited ${code}: ${out}`)));
    if (!ready) setTimeout(() => resolve(child), 300);
  });
}

describe('the documented nginx configuration, two upstreams', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-nginx-'));
  const children: ChildProcess[] = [];
  let front = '';
  let servers: ChildProcess[] = [];

  before(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, MIZAN_TRUST_PROXY: '1' };
    delete env.DATABASE_URL;
    const db = join(dir, 'site.db');
    const [p1, p2, listen] = [await freePort(), await freePort(), await freePort()];
    servers = [
      await start(process.execPath, [BIN, 'serve', '--demo', '--db', db, '--port', String(p1)], /serving/, env),
      await start(process.execPath, [BIN, 'serve', '--db', db, '--port', String(p2)], /serving/, env),
    ];
    children.push(...servers);
    const ports = [p1, p2];
    const site = readFileSync(CONF, 'utf8')
      .replace(/server 127\.0\.0\.1:\d+/g, () => `server 127.0.0.1:${ports.shift()}`)
      .replace('listen 80;', `listen 127.0.0.1:${listen};`);
    assert.equal(ports.length, 0, 'the configuration names two upstream servers');
    writeFileSync(join(dir, 'mizan.conf'), site);
    const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
    writeFileSync(
      join(dir, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;' : ''} daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};
      events {}
      http { access_log off; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')} include ${join(dir, 'mizan.conf')}; }`,
    );
    children.push(await start(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], null));
    front = `http://127.0.0.1:${listen}`;
    for (let i = 0; i < 50; i++) {
      if (await fetch(`${front}/readyz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  test('pages come through; the request id passes both ways', async () => {
    const page = await fetch(`${front}/ar/`, { headers: { 'x-request-id': 'cdn-42' } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html lang="ar" dir="rtl"/);
    assert.equal(page.headers.get('x-request-id'), 'cdn-42');
    const own = await fetch(`${front}/`);
    assert.match(own.headers.get('x-request-id') ?? '', /^[0-9a-f]{32}$/, "nginx's own id when the client sent none");
  });

  test('one server killed: every request still gets its page from the other', async () => {
    servers[0].kill('SIGKILL');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await fetch(`${front}/ar/?n=${i}`)).status);
    assert.deepEqual(new Set(statuses), new Set([200]));
  });
});
