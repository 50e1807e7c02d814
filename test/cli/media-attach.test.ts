/**
 * `mizan media attach ARTICLE FILE.pdf` (issue 15): a PDF attached to an existing Arabic article from the
 * command line, by id or by path, is listed on its page and found by search through its text; a file that
 * is not a PDF, a missing article, a missing file or an unknown language each fail with a message naming
 * what was wrong, a non-zero exit, and nothing stored.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openStore } from '../../src/app/index.ts';
import { runMizan } from '../support/cli.ts';

const NOTE = join(import.meta.dirname, '../fixtures/attachments/policy-note-ar.pdf');
const dir = mkdtempSync(join(tmpdir(), 'mizan-attach-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a PDF attached from the command line is on the article and found by its words; bad input stores nothing', async () => {
  const db = join(dir, 'site.db');
  const page = join(dir, 'miyah.md');
  writeFileSync(page, ['---', 'lang: ar', 'title: المياه في واحات الجنوب', 'published: 2024-03-02', '---', '', 'تتناول هذه الورقة إدارة الموارد المائية في الواحات.'].join('\n'));
  const imported = await runMizan(['--db', db, 'import', page]);
  assert.equal(imported.code, 0, imported.stderr);
  const store = await openStore({ db });
  const { id, path } = (await store.listArticles({ lang: 'ar', limit: 1 })).items[0];
  await store.close();

  const fake = join(dir, 'script.pdf');
  writeFileSync(fake, '#!/bin/sh\necho hi\n');
  const bad: [string[], RegExp][] = [
    [[id, fake], new RegExp(`${fake.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a PDF`)],
    [['0000000000000000', NOTE], /no article 0000000000000000/],
    [['/ar/policy-analysis/la-wujud', NOTE], /no article \/ar\/policy-analysis\/la-wujud/],
    [[id, join(dir, 'absent.pdf')], /absent\.pdf: no such file/],
    [[id, NOTE, '--lang', 'xx'], /"xx" is not a language/],
  ];
  for (const [args, message] of bad) {
    const r = await runMizan(['--db', db, 'media', 'attach', ...args]);
    assert.equal(r.code, 1, `${args.join(' ')}: exit ${r.code}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /unexpected error/);
  }
  const none = await runMizan(['--db', db, 'media', 'list', '--json']);
  assert.deepEqual(JSON.parse(none.stdout), [], 'nothing stored by the refused attempts');

  const ok = await runMizan(['--db', db, 'media', 'attach', path, NOTE, '--title', 'مذكرة سياسات', '--json']);
  assert.equal(ok.code, 0, ok.stderr);
  const attached = JSON.parse(ok.stdout);
  assert.equal(attached.article, id);
  assert.match(attached.src, /^\/media\/[0-9a-f]{32}\.pdf$/);
  assert.equal(attached.title, 'مذكرة سياسات');
  assert.equal(attached.lang, 'ar');
  assert.equal(attached.bytes, readFileSync(NOTE).length);
  // Attaching the same file again keeps one attachment.
  assert.equal((await runMizan(['--db', db, 'media', 'attach', id, NOTE])).code, 0);

  const check = await openStore({ db });
  try {
    const article = (await check.getArticle(id))!;
    assert.deepEqual(article.attachments.map((a) => a.src), [attached.src]);
  } finally {
    await check.close();
  }
  const found = await runMizan(['--db', db, 'search', 'الخزان النوبي', '--json']);
  assert.equal(found.code, 0, found.stderr);
  const hits = JSON.parse(found.stdout).hits as { path: string; attachment?: { src: string } }[];
  assert.deepEqual(hits.map((h) => h.path), [path]);
  assert.equal(hits[0].attachment?.src, attached.src, 'the hit says it came from the PDF');
});
