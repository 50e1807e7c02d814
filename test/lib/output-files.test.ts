/**
 * Where commands write: a folder made several levels deep, a file written whole, and every place that
 * cannot be written refused with its name, leaving nothing behind.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFolder, MizanError, writeOutputFile } from '../../src/lib/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-output-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function refusedWith(message: string) {
  return (err: unknown) => {
    assert.ok(err instanceof MizanError, String(err));
    assert.equal(err.message, message);
    return true;
  };
}

test('ensureFolder makes missing folders, and names the file that stands in the way', () => {
  const deep = join(dir, 'نسخة', 'ar', 'policy-analysis');
  ensureFolder(deep, 'write the copy');
  ensureFolder(deep, 'write the copy');
  assert.deepEqual(readdirSync(join(dir, 'نسخة')), ['ar']);
  const file = join(dir, 'ملف');
  writeFileSync(file, 'نص\n');
  assert.throws(() => ensureFolder(file, 'write the copy'), refusedWith(`cannot write the copy: ${file} is a file, not a folder`));
  assert.throws(() => ensureFolder(join(file, 'a', 'b'), 'write the copy'), refusedWith(`cannot write the copy: ${file} is a file, not a folder`));
  assert.equal(readFileSync(file, 'utf8'), 'نص\n');
});

test('writeOutputFile writes a file whole, and refuses a folder, a missing folder and a file in the path', () => {
  const out = join(dir, 'مشتركون.csv');
  writeOutputFile(out, 'email\nreader@example.org\n');
  writeOutputFile(out, 'email\n');
  assert.equal(readFileSync(out, 'utf8'), 'email\n');
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  assert.throws(() => writeOutputFile(folder, 'x'), refusedWith(`cannot write ${folder}: it is a folder`));
  assert.throws(() => writeOutputFile(join(dir, 'missing', 'x.csv'), 'x'), refusedWith(`cannot write ${join(dir, 'missing', 'x.csv')}: the folder ${join(dir, 'missing')} does not exist`));
  assert.throws(() => writeOutputFile(join(out, 'x.csv'), 'x'), refusedWith(`cannot write ${join(out, 'x.csv')}: ${out} is not a folder`));
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.partial')), []);
});
