import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMizan } from '../support/cli.ts';
import { SEED_FILE, seedSkip } from '../support/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-import-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('mizan import: a report a file with warnings as file:line; a second run is unchanged (--json)', { skip: seedSkip }, async () => {
  const db = join(dir, 'a.db');
  const first = await runMizan(['import', SEED_FILE, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^created +.*000_5cd05298e511e9f1\.txt → \/ar\/policy-analysis\/[a-z0-9-]+ \([0-9a-f]{16}\)/m);
  assert.ok(first.stdout.includes(`${SEED_FILE}:48: content-gap`));
  assert.ok(first.stdout.includes(`${SEED_FILE}:52: truncated-url`));
  const second = await runMizan(['import', SEED_FILE, '--json', '--db', db]);
  assert.equal(second.code, 0, second.stderr);
  const report = JSON.parse(second.stdout);
  assert.deepEqual(Object.keys(report), ['files', 'articles', 'warnings'], '--json has the shape of CONTRACTS.md');
  assert.deepEqual(report.files[0], { file: SEED_FILE, status: 'unchanged', articles: [report.articles[0].id] });
  assert.equal(report.articles[0].authors.length, 3);
  assert.deepEqual(Object.keys(report.warnings[0]), ['code', 'file', 'line', 'message']);
});

test('mizan import --dry-run writes nothing, not even the database file', { skip: seedSkip }, async () => {
  const db = join(dir, 'dry.db');
  const r = await runMizan(['import', SEED_FILE, '--dry-run', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /dry run: nothing was written/);
  assert.equal(existsSync(db), false);
});

test('bad files are reported by name and line, the good one is imported, exit 1 at the end', { skip: seedSkip }, async () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const binary = join(dir, 'image.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
  const notArticle = join(dir, 'list.txt');
  writeFileSync(notArticle, 'Groceries\n\neggs\nmilk\n');
  const db = join(dir, 'c.db');
  const r = await runMizan(['import', empty, binary, join(dir, 'missing.txt'), notArticle, SEED_FILE, '--db', db]);
  assert.equal(r.code, 1);
  assert.ok(r.stdout.includes(`failed     ${empty}:1: empty file`), r.stdout);
  assert.ok(r.stdout.includes(`${binary}:1: binary file`), r.stdout);
  assert.ok(r.stdout.includes(`${join(dir, 'missing.txt')}: no such file`), r.stdout);
  assert.ok(r.stdout.includes(`${notArticle}:1: not an article page`), r.stdout);
  assert.match(r.stdout, /5 files: 1 created, 0 updated, 0 unchanged, 4 failed/);
  const again = await runMizan(['import', SEED_FILE, '--db', db]);
  assert.match(again.stdout, /^unchanged /m, 'the good file was stored');
});

test('usage errors exit 2', async () => {
  assert.equal((await runMizan(['import', 'a.txt', '--format', 'pdf', '--db', join(dir, 'u.db')])).code, 2);
});

test('mizan export writes files that mizan import reads back unchanged', { skip: seedSkip }, async () => {
  const db = join(dir, 'a.db'); // holds the seed from the first test
  const out = join(dir, 'out');
  const ex = await runMizan(['export', '--format', 'md', '--out', out, '--db', db]);
  assert.equal(ex.code, 0, ex.stderr);
  assert.match(ex.stdout, /wrote 1 article to /);
  assert.equal(readdirSync(join(out, 'ar')).length, 1);
  const back = await runMizan(['import', out, '--db', db]);
  assert.equal(back.code, 0, back.stderr);
  assert.match(back.stdout, /^unchanged /m);
});

// Regression (issue 20, item 8): the YAML library printed its warnings to stderr, naming no file.
test('front matter warnings (an unknown tag, a list as a key) are reported with file and line, none on stderr without a name', async () => {
  const file = join(dir, 'yaml-warnings.md');
  writeFileSync(file, '---\ntitle: صفحة فيها وسم مجهول\nlang: ar\ntags: !weird [a]\n? [a, b]\n: c\n---\n\nفقرة كتبناها للاختبار.\n');
  const r = await runMizan(['import', file, '--dry-run']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: front-matter: Unresolved tag: !weird`));
  assert.match(r.stdout, /yaml-warnings\.md:5: front-matter: a key that is a list or mapping/);
  assert.doesNotMatch(r.stderr, /YAMLWarning|Keys with collection values/);
});

test('a folder named with no page in it fails by name (exit 1); a folder of pages with an empty folder inside imports', async () => {
  const empty = join(dir, 'no-pages');
  mkdirSync(join(empty, 'images'), { recursive: true });
  writeFileSync(join(empty, 'notes.csv'), 'a,b\n');
  const db = join(dir, 'folders.db');
  const r = await runMizan(['import', empty, '--db', db]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`failed +${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is a folder with no pages in it`));
  const pages = join(dir, 'pages');
  mkdirSync(join(pages, 'images'), { recursive: true });
  writeFileSync(join(pages, 'page.md'), '---\ntitle: صفحة في مجلد\nlang: ar\n---\n\nفقرة كتبناها للاختبار.\n');
  const ok = await runMizan(['import', pages, '--db', db]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^1 file: 1 created/m);
});

// Regression (attack run): these were imported with exit 0 and "created", bad values and all.
test('a language the site lacks, a date that names no day, a body that is no list: failed by file, line, field and value; the rest imported, exit 1', async () => {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const fr = write('hello-fr.md', '---\ntitle: Hello\nlang: fr\n---\n\nA paragraph written for this test.\n');
  const xx = write('lang-xx.json', '{"title":"x","lang":"xx"}');
  const feb30 = write('feb-30.md', '---\ntitle: Thirtieth of February\nlang: en\ndate: 2023-02-30\n---\n\nA paragraph written for this test.\n');
  const soon = write('soon.md', '---\ntitle: Sometime\nlang: en\ndate: sometime soon\n---\n\nA paragraph written for this test.\n');
  const body = write('body.json', '{"title":"Body that is no list","lang":"en","body":"not an array"}');
  const good = write('good.md', '---\ntitle: A page that is fine\nlang: en\ndate: 2023-05-18\n---\n\nA paragraph written for this test.\n');
  const db = join(dir, 'refused.db');
  const r = await runMizan(['import', fr, xx, feb30, soon, body, good, '--db', db]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.ok(r.stdout.includes(`failed     ${fr}:3: lang: unknown language 'fr': the site publishes in en, ar`), r.stdout);
  assert.ok(r.stdout.includes(`failed     ${xx}: lang: unknown language 'xx': the site publishes in en, ar`), r.stdout);
  assert.ok(r.stdout.includes(`failed     ${feb30}:4: date: '2023-02-30' is not a real calendar date: write the day as YYYY-MM-DD`), r.stdout);
  assert.ok(r.stdout.includes(`failed     ${soon}:4: date: 'sometime soon' is not a date`), r.stdout);
  assert.ok(r.stdout.includes(`failed     ${body}: article 1: body: expected a list of blocks, got a string ("not an array")`), r.stdout);
  assert.match(r.stdout, /^created +.*good\.md → \/policy-analysis\/page-fine /m);
  assert.match(r.stdout, /6 files: 1 created, 0 updated, 0 unchanged, 5 failed/);
  const json = JSON.parse((await runMizan(['import', good, '--json', '--db', db])).stdout);
  assert.equal(json.files[0].status, 'unchanged', 'the good file was stored, with the date it gave');
  assert.equal(json.articles[0].published, '2023-05-18');
  const exported = await runMizan(['export', '--format', 'json', '--out', join(dir, 'refused-out'), '--db', db]);
  assert.match(exported.stdout, /wrote 1 article/, 'nothing of the refused files was written');
});

// Regression (attack run): `../../x` became the byline's link and a sitemap entry; the warning named the title.
test('an author slug that is no slug is made again from the name, and the sanitized warning names the field it cleaned', async () => {
  const file = join(dir, 'evil-author.json');
  writeFileSync(file, JSON.stringify({ title: 'Evil slug', lang: 'en', authors: [{ name: '<b>Evil</b>', slug: '../../x' }] }));
  const r = await runMizan(['import', file, '--json', '--db', join(dir, 'evil.db')]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.articles[0].authors.map((a: { slug: string; name: string; path: string }) => [a.slug, a.name, a.path]), [['evil', 'Evil', '/experts/evil']]);
  assert.deepEqual(
    report.warnings.map((w: { code: string; message: string }) => `${w.code}: ${w.message}`),
    ["bad-slug: authors[0].slug: '../../x' is not a slug (letters, digits, - and _): made 'evil' from the name", 'sanitized: markup, control characters or unsafe addresses were removed from authors[0].name'],
  );
});
