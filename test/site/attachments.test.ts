/**
 * PDF attachments (issue 15), on both engines: a Markdown page lists PDFs beside it in `attachments:`;
 * import stores each once by content hash with the text poppler extracts (Arabic in logical order);
 * a phrase found only in the PDF finds the article, the hit saying it came from the attachment; the
 * article page lists the file (name, size, language, download), the API carries it; hostile files (a
 * script renamed .pdf, an encrypted or malformed PDF, an oversized one) are refused naming the file,
 * nothing stored; a backup and restore keep the file and its searchability.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { addAttachment, attachmentFile, importFiles, listMedia, MediaError, pdfText, restoreBackup, searchArticles, writeBackup } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { tinyPdf } from '../support/pdf-bytes.ts';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/attachments/policy-note-ar.pdf');
const dir = mkdtempSync(join(tmpdir(), 'mizan-attach-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A page of ours with two attachments beside it: the Arabic note (by name) and an English one (with title and language). */
function writePage(): string {
  const at = join(dir, 'page');
  mkdirSync(at, { recursive: true });
  copyFileSync(FIXTURE, join(at, 'mudhakkira.pdf'));
  writeFileSync(join(at, 'note-en.pdf'), tinyPdf('Groundwater drawdown in the Kufra basin'));
  const md = join(at, 'miyah.md');
  writeFileSync(
    md,
    [
      '---',
      'lang: ar',
      'title: المياه في واحات الجنوب',
      'type: policy-note',
      'published: 2024-03-02',
      'attachments:',
      '  - mudhakkira.pdf',
      '  - { src: note-en.pdf, title: "Policy note (English)", lang: en }',
      '---',
      '',
      'تتناول هذه الورقة إدارة الموارد المائية في الواحات.',
    ].join('\n'),
  );
  return md;
}

test('poppler gives the Arabic text of a PDF in logical order, without bidi controls', async () => {
  const { pages, text } = await pdfText(readFileSync(FIXTURE), 'mudhakkira.pdf');
  assert.equal(pages, 1);
  assert.match(text, /استنزاف الخزان النوبي يتسارع/);
  assert.doesNotMatch(text, /[\u202a-\u202e\u200e\u200f]/);
});

forEachEngine('PDF attachments', (h) => {
  let store: TestStore;
  before(async () => {
    store = await h.open();
  });
  after(() => h.cleanup());

  test('bad files are refused naming the file, and nothing is stored', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['script.pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'), /script\.pdf: not a PDF/],
      ['locked.pdf', tinyPdf('secret', { encrypt: true }), /locked\.pdf: the PDF is encrypted/],
      ['broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n'), /broken\.pdf: a damaged or malformed PDF/],
      ['cut.pdf', readFileSync(FIXTURE).subarray(0, 4000), /cut\.pdf: a damaged or malformed PDF/],
      ['empty.pdf', Buffer.alloc(0), /empty/],
      ['huge.pdf', Buffer.alloc(31 * 1024 * 1024, 0x20), /larger than 30 MB/],
    ];
    for (const [name, bytes, message] of cases) {
      await assert.rejects(addAttachment(store, bytes, name), (err: unknown) => err instanceof MediaError && message.test(err.message), name);
    }
    assert.equal((await listMedia(store)).length, 0);
  });

  test('import stores the files beside the page once, their text is searchable, the hit says it came from the PDF', async () => {
    const md = writePage();
    const report = await importFiles(store, [md]);
    assert.equal(report.files[0].status, 'created', JSON.stringify(report.files[0]));
    const [article] = report.articles;
    assert.equal(article.attachments.length, 2);
    const [ar, en] = article.attachments;
    assert.match(ar.src, /^\/media\/[0-9a-f]{32}\.pdf$/);
    assert.deepEqual({ title: ar.title, type: ar.type, bytes: ar.bytes, lang: ar.lang }, { title: 'mudhakkira', type: 'application/pdf', bytes: readFileSync(FIXTURE).length, lang: 'ar' });
    assert.deepEqual({ title: en.title, lang: en.lang }, { title: 'Policy note (English)', lang: 'en' });

    // Importing again (and the same bytes under another name) keeps one stored file each.
    await importFiles(store, [md]);
    assert.equal((await listMedia(store)).filter((m) => m.kind === 'file').length, 2);
    const again = await addAttachment(store, readFileSync(FIXTURE), 'other-name.pdf');
    assert.equal(again.created, false);
    assert.equal(again.src, ar.src);

    // A phrase only in the Arabic PDF finds the article; the snippet is the PDF's, marked as such.
    const r = await searchArticles(store, { q: '"الخزان النوبي"', sort: 'relevance', page: 1, pageSize: 10 });
    assert.equal(r.total, 1);
    assert.equal(r.hits[0].id, article.id);
    assert.deepEqual(r.hits[0].attachment, { src: ar.src, title: 'mudhakkira' });
    assert.match(r.hits[0].snippet, /<mark>الخزان<\/mark> <mark>النوبي<\/mark>/);
    // Words of the article's own text: no attachment mark.
    const own = await searchArticles(store, { q: 'الموارد المائية', sort: 'relevance', page: 1, pageSize: 10 });
    assert.equal(own.hits[0].id, article.id);
    assert.equal(own.hits[0].attachment, undefined);
    // The English PDF too.
    const kufra = await searchArticles(store, { q: 'Kufra', sort: 'relevance', page: 1, pageSize: 10 });
    assert.deepEqual(kufra.hits[0]?.attachment, { src: en.src, title: 'Policy note (English)' });

    const app = createWebApp({ store, baseUrl: 'https://inst.example' });
    const pdf = await app.request(ar.src);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /filename\*=UTF-8''mudhakkira\.pdf/);
    assert.deepEqual(Buffer.from(await pdf.arrayBuffer()), readFileSync(FIXTURE));
    assert.equal((await app.request(`/media/${'0'.repeat(32)}.pdf`)).status, 404);

    const page = await (await app.request(article.path)).text();
    assert.match(page, /<h2 id="attachments-h"[^>]*>الملفات المرفقة<\/h2>/);
    assert.match(page, new RegExp(`<a class="attachment-title" href="${ar.src}"[^>]*>mudhakkira</a>`));
    assert.match(page, /<bdi>31 كيلوبايت<\/bdi>/);
    assert.match(page, /<bdi>بالعربية<\/bdi>/);
    assert.match(page, /<bdi>بالإنجليزية<\/bdi>/);
    assert.match(page, new RegExp(`<a href="${ar.src}" type="application/pdf" download=""`));

    const json = (await (await app.request(`/api/articles/${article.id}`)).json()) as { attachments: unknown[] };
    assert.deepEqual(json.attachments, article.attachments);
    const api = (await (await app.request('/api/search?q=' + encodeURIComponent('"الخزان النوبي"'))).json()) as { hits: { attachment?: unknown }[] };
    assert.deepEqual(api.hits[0].attachment, { src: ar.src, title: 'mudhakkira' });
    const search = await (await app.request('/ar/search?q=' + encodeURIComponent('الخزان النوبي'))).text();
    assert.match(search, /وُجدت في ملف PDF المرفق:/);

    const spec = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/media/{hash}.pdf'], 'OpenAPI describes the attachment address');
    assert.match(JSON.stringify(spec), /"lang":\{"type":"string","nullable":true/);
  });

  test('a missing or bad attachment fails its page with the file named, nothing stored of it', async () => {
    const at = join(dir, 'bad-page');
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, 'fake.pdf'), '<html><script>alert(1)</script></html>');
    const md = join(at, 'fake.md');
    writeFileSync(md, '---\nlang: ar\ntitle: ورقة بمرفق مزيف\nattachments: [fake.pdf]\n---\n\nنص.\n');
    const before = (await listMedia(store)).length;
    const report = await importFiles(store, [md]);
    assert.equal(report.files[0].status, 'failed');
    assert.match(report.files[0].error ?? '', /attachment fake\.pdf: not a PDF/);
    writeFileSync(md, '---\nlang: ar\ntitle: ورقة بمرفق غائب\nattachments: [absent.pdf]\n---\n\nنص.\n');
    assert.match((await importFiles(store, [md])).files[0].error ?? '', /the attachment "absent.pdf" was not found beside the page/);
    assert.equal((await listMedia(store)).length, before);
  });

  test('a backup carries the files; after restore they download and their text is found again', async () => {
    const file = join(dir, `att-${h.engine}.mizan-backup`);
    await writeBackup(store, file);
    const target = await h.open();
    await restoreBackup(target, file);
    const [m] = (await listMedia(target)).filter((x) => x.kind === 'file' && x.name === 'mudhakkira.pdf');
    assert.deepEqual((await attachmentFile(target, m.hash))?.data, readFileSync(FIXTURE));
    const r = await searchArticles(target, { q: '"الخزان النوبي"', sort: 'relevance', page: 1, pageSize: 10 });
    assert.equal(r.total, 1);
    assert.ok(r.hits[0].attachment);
  });
});
