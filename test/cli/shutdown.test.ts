/**
 * `mizan serve` stopped by SIGTERM (a restart, a deploy): it exits 0 after answering, says so, and closes
 * its database cleanly (SQLite folds its write-ahead log back into the file and removes it).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-stop-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('SIGTERM: /readyz was 200, the server finishes, closes the database and exits 0', async (t) => {
  const db = join(dir, 'site.db');
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0', '--db', db], { env });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A failed assertion must not leave the server running (the test runner would wait on it for ever).
  t.after(() => child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/[\d.:]+)/);
      if (m) resolve(m[1]);
    });
    child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    exited.then((code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  const ready = await fetch(`${url}/readyz`);
  assert.equal(ready.status, 200);
  assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  assert.ok(existsSync(`${db}-wal`), 'the database is open in WAL mode while serving');
  child.kill('SIGTERM');
  assert.equal(await exited, 0, out);
  assert.match(out, /SIGTERM: stopping/);
  assert.match(out, /stopped: every request answered, database closed/);
  assert.equal(existsSync(`${db}-wal`), false, 'the write-ahead log was checkpointed and removed on close');
});
