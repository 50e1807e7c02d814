/**
 * Attaching PDFs on the editors' side, over real HTTP on both engines: an editor attaches a policy note
 * to an article (a revision; the public page lists it; its words find the article); a script renamed
 * .pdf and an encrypted PDF are refused in the editor's language (Arabic by default, English when
 * chosen) with nothing stored; a 200 MB upload is refused before it is read, in the editor's language;
 * authors may not attach; a file is taken off again.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMedia, listRevisions, saveEdit, searchArticles, transition, type Editor } from '../../../src/app/index.ts';
import { makeArticle } from '../../support/articles.ts';
import { tinyPdf } from '../../support/pdf-bytes.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from '../admin-client.ts';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/attachments/policy-note-ar.pdf');
const editor: Editor = { id: null, email: 'setup@example.org', ip: null, role: 'editor' };

function upload(name: string, bytes: Uint8Array, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** Declares a 200 MB body, sends a little of it, and returns what the server answered. */
function hugeUpload(url: string, path: string, cookie: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.write(Buffer.alloc(64 * 1024, 0x20));
  });
}

forEachEngine('admin: PDF attachments', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let articleId: string;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['author', 'editor']);
    server = await startServer(store);
    const saved = await saveEdit(store, editor, { article: makeArticle({ slug: 'mudhakkira-mrfqa', title: 'مقالة بمذكرة مرفقة' }) });
    articleId = saved.id;
    await transition(store, editor, articleId, 'publish');
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('hostile files are refused in the editor’s language and nothing is stored; authors may not attach', async () => {
    const ed = await signedIn(server.url, 'editor');
    const path = `/admin/articles/${articleId}`;
    const csrf = await ed.csrfOf(path);
    const cases: [string, Uint8Array, RegExp][] = [
      ['script.pdf', new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'), /لم يُرفق الملف: script\.pdf: ليس ملف PDF/],
      ['locked.pdf', tinyPdf('secret', { encrypt: true }), /لم يُرفق الملف: locked\.pdf: ملف PDF مشفّر/],
      ['cut.pdf', readFileSync(FIXTURE).subarray(0, 3000), /ملف PDF تالف أو معيب/],
    ];
    for (const [name, bytes, message] of cases) {
      const r = await ed.postMultipart(`${path}/attachments`, upload(name, bytes, { title: 'x', lang: 'ar' }), csrf);
      assert.equal(r.status, 400, `${name}: ${r.status}`);
      assert.match(r.text, message, name);
    }
    // In English when the editor chose English.
    ed.cookies.set('mizan_admin_lang', 'en');
    const en = await ed.postMultipart(`${path}/attachments`, upload('script.pdf', new TextEncoder().encode('<?php system($_GET[1]);'), { lang: 'ar' }), csrf);
    assert.match(en.text, /Not attached: script\.pdf: not a PDF/);
    const big = await hugeUpload(server.url, `${path}/attachments`, [...ed.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    assert.equal(big.status, 413);
    assert.match(big.text, /larger than 32 MB/);
    ed.cookies.delete('mizan_admin_lang');
    const bigAr = await hugeUpload(server.url, `${path}/attachments`, [...ed.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    assert.equal(bigAr.status, 413);
    assert.match(bigAr.text, /أكبر من 32 ميغابايت/);
    assert.equal((await listMedia(store)).length, 0, 'nothing stored');
    assert.equal((await store.getArticle(articleId))!.attachments.length, 0);

    const author = await signedIn(server.url, 'author');
    const denied = await author.postMultipart(`${path}/attachments`, upload('note.pdf', readFileSync(FIXTURE), {}), await author.csrfOf('/admin/account'));
    assert.equal(denied.status, 403);
  });

  test('an editor attaches a policy note: a revision, the public page lists it, its words find the article; then takes it off', async () => {
    const ed = await signedIn(server.url, 'editor');
    const path = `/admin/articles/${articleId}`;
    const page = await ed.get(path);
    assert.match(page.text, /الملفات المرفقة \(PDF\)/);
    const revisions = (await listRevisions(store, articleId)).length;
    const r = await ed.postMultipart(`${path}/attachments`, upload('mudhakkira.pdf', readFileSync(FIXTURE), { title: 'مذكرة: المياه الجوفية', lang: 'ar' }), await ed.csrfOf(path));
    assert.equal(r.status, 201, r.text.slice(0, 300));
    assert.match(r.text, /أُرفق «مذكرة: المياه الجوفية»/);
    const [att] = (await store.getArticle(articleId))!.attachments;
    assert.deepEqual({ title: att.title, lang: att.lang, bytes: att.bytes, type: att.type }, { title: 'مذكرة: المياه الجوفية', lang: 'ar', bytes: readFileSync(FIXTURE).length, type: 'application/pdf' });
    assert.equal((await listRevisions(store, articleId)).length, revisions + 1);
    const hits = await searchArticles(store, { q: 'الخزان النوبي', sort: 'relevance', page: 1, pageSize: 10 });
    assert.equal(hits.hits[0]?.id, articleId);
    assert.equal(hits.hits[0]?.attachment?.title, 'مذكرة: المياه الجوفية');
    const article = (await store.getArticle(articleId))!;
    const pub = await ed.get(article.path);
    assert.match(pub.text, /مذكرة: المياه الجوفية<\/a>/);

    const removed = await ed.post(`${path}/attachments`, { do: 'remove', src: att.src }, { csrf: await ed.csrfOf(path) });
    assert.equal(removed.status, 200);
    assert.match(removed.text, /أُزيل المرفق/);
    assert.equal((await store.getArticle(articleId))!.attachments.length, 0);
    const gone = await searchArticles(store, { q: 'الخزان النوبي', sort: 'relevance', page: 1, pageSize: 10 });
    assert.equal(gone.total, 0, 'a removed attachment no longer finds the article');
  });
});
