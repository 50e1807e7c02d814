import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

const BIN = fileURLToPath(new URL('../../bin/mizan.js', import.meta.url));
const spawnMizan = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** Runs the CLI in this process (starting the binary costs seconds), capturing what it prints. */
async function mizan(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  // Only the CLI's text is captured: the test runner reports through this same stream meanwhile, in bytes.
  process.stdout.write = ((s: string | Uint8Array, ...rest: unknown[]) => (typeof s === 'string' ? ((stdout += s), true) : (out as (...a: unknown[]) => boolean)(s, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array, ...rest: unknown[]) => (typeof s === 'string' ? ((stderr += s), true) : (err as (...a: unknown[]) => boolean)(s, ...rest))) as typeof process.stderr.write;
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.exitCode = undefined;
  }
}

test('the mizan binary prints one result per argument', () => {
  const slug = spawnMizan('text', 'slug', 'سابينا هينبرج', 'شمال أفريقيا');
  assert.equal(slug.status, 0, slug.stderr);
  assert.equal(slug.stdout, 'sabyna-hynbrj\nshmal-afryqya\n');
});

test('the mizan binary exits 1 with a message on a date it cannot read', () => {
  const bad = spawnMizan('text', 'date', '2020', 'كلام');
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '2020\n\n');
  assert.match(bad.stderr, /mizan: cannot read a date in "كلام"/);
});

test('mizan text date, stems, normalize and tokens', async () => {
  const dates = await mizan('text', 'date', '--ref', '2023-05-18', '18 أيار/مايو 2023', 'تشرين الأول/أكتوبر 2022', 'في عام 2020', 'العام الماضي');
  assert.equal(dates.stdout, '2023-05-18\n2022-10\n2020\n2022\n');
  assert.equal(dates.status, 0);
  assert.equal((await mizan('text', 'stems', 'والمعلمون بالمدارس')).stdout, 'معلم مدارس\n');
  assert.equal((await mizan('text', 'normalize', 'أَيّار ٢٠٢٣')).stdout, 'ايار 2023\n');
  const tokens = await mizan('text', 'tokens', '--json', 'نحو ٧٦٪');
  assert.deepEqual(JSON.parse(tokens.stdout), [
    { text: 'نحو', start: 0, end: 3, kind: 'word' },
    { text: '٧٦٪', start: 4, end: 7, kind: 'number' },
  ]);
  const json = await mizan('text', 'date', '--json', 'October 2022');
  assert.deepEqual(JSON.parse(json.stdout), { date: '2022-10', precision: 'month' });
});

test('mizan text exits 2 on bad usage', async () => {
  assert.equal((await mizan('text', 'bogus', 'x')).status, 2);
  assert.equal((await mizan('text', 'date', '--ref', 'yesterday', 'x')).status, 2);
});
