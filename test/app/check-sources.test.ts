import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { checkSources, importFiles, recordedChecks } from '../../src/app/index.ts';
import { forEachEngine } from '../support/engines.ts';

let server: Server;
let port = 0;
let inFlight = 0;
let maxInFlight = 0;
const seen: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    seen.push(`${req.method} ${req.url}`);
    const done = () => {
      inFlight--;
    };
    res.on('close', done);
    const url = req.url ?? '/';
    // Every answer waits a little, so overlapping requests to one host would show.
    setTimeout(() => {
      if (url === '/ok') res.writeHead(200).end('fine');
      else if (url === '/moved') res.writeHead(301, { location: '/ok' }).end();
      else if (url === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else if (url === '/no-head') res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
      else if (url === '/slow') setTimeout(() => res.writeHead(200).end(), 1000).unref();
      else res.writeHead(404).end('gone');
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const dir = mkdtempSync(join(tmpdir(), 'mizan-sources-'));
after(() => rmSync(dir, { recursive: true, force: true }));

forEachEngine('checkSources', (h) => {
  after(() => h.cleanup());

  test('ok, redirected and broken sources are recorded; one request per host at a time', async () => {
    const store = await h.open();
    const base = `http://127.0.0.1:${port}`;
    const other = `http://localhost:${port}`;
    const page = join(dir, `sources-${h.engine}.md`);
    writeFileSync(
      page,
      `---\nlang: en\ntitle: Sources Page\n---\n\n[a](${base}/ok) [b](${base}/moved) [c](${base}/gone) [d](${base}/no-head) [e](${base}/slow) [f](${base}/loop) [g](${other}/ok) [h](http://127.0.0.1:1/closed)\n`,
    );
    await importFiles(store, [page]);
    maxInFlight = 0;
    seen.length = 0;
    const checks = await checkSources(store, { timeoutMs: 500, concurrency: 4 });
    const by = Object.fromEntries(checks.map((c) => [new URL(c.url).host + new URL(c.url).pathname, c]));
    assert.equal(by[`127.0.0.1:${port}/ok`].status, 'ok');
    assert.equal(by[`127.0.0.1:${port}/moved`].status, 'redirected');
    assert.equal(by[`127.0.0.1:${port}/moved`].finalUrl, `${base}/ok`);
    assert.equal(by[`127.0.0.1:${port}/gone`].status, 'broken');
    assert.equal(by[`127.0.0.1:${port}/gone`].httpStatus, 404);
    assert.equal(by[`127.0.0.1:${port}/no-head`].status, 'ok', 'GET after a failed HEAD');
    assert.equal(by[`127.0.0.1:${port}/slow`].status, 'broken');
    assert.equal(by[`127.0.0.1:${port}/slow`].error, 'timeout');
    assert.equal(by[`127.0.0.1:${port}/loop`].status, 'broken');
    assert.equal(by[`localhost:${port}/ok`].status, 'ok');
    assert.equal(by['127.0.0.1:1/closed'].status, 'broken');
    assert.ok(seen.includes('HEAD /gone') && seen.includes('GET /gone'), 'HEAD then GET');
    // Two hosts share the server (127.0.0.1 and localhost): at most two requests at once, one per host.
    assert.ok(maxInFlight <= 2, `at most one request per host at a time (saw ${maxInFlight})`);

    const recorded = await recordedChecks(store);
    assert.equal(recorded.length, checks.length);
    assert.equal(recorded.find((r) => r.url === `${base}/gone`)?.status, 'broken');
    // A second check updates the same rows.
    await checkSources(store, { timeoutMs: 500 });
    assert.equal((await recordedChecks(store)).length, checks.length);
  });
});
