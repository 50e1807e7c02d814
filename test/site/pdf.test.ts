/**
 * The article PDF: `<article path>.pdf` made by Chromium from the article's print view. Read back with
 * poppler's `pdftotext` (an independent reader): the Arabic title and body come out in logical order with
 * the institute's name and the page's address. Skipped visibly without Chromium (mandatory under
 * MIZAN_REQUIRE_BROWSER=1) or without pdftotext.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEMO_DIR, readSiteConfig } from '../../src/app/index.ts';
import { closePdfBrowser, createWebApp } from '../../src/web/index.ts';
import { tempStore } from '../web/fixtures.ts';

const chromium = existsSync('/usr/bin/chromium');
const poppler = existsSync('/usr/bin/pdftotext');
const skip = !chromium && process.env.MIZAN_REQUIRE_BROWSER !== '1' ? 'Chromium is not installed: PDF tests skipped' : !poppler ? 'pdftotext (poppler-utils) is not installed' : false;
const dir = mkdtempSync(join(tmpdir(), 'mizan-pdf-'));
after(async () => {
  await closePdfBrowser();
  rmSync(dir, { recursive: true, force: true });
});

test('an Arabic article downloads as a PDF whose text reads back in logical order', { skip, timeout: 120_000 }, async () => {
  const temp = await tempStore();
  try {
    const site = readSiteConfig(join(DEMO_DIR, 'mizan.config.yaml'));
    const app = createWebApp({ store: temp.store, baseUrl: 'https://inst.example', site });
    const page = await (await app.request('/ar/policy-analysis/trq-alhbwb-bd-alhrb')).text();
    assert.match(page, /<a href="\/ar\/policy-analysis\/trq-alhbwb-bd-alhrb.pdf" type="application\/pdf" download="">تنزيل PDF<\/a>/);
    const res = await app.request('/ar/policy-analysis/trq-alhbwb-bd-alhrb.pdf');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const file = join(dir, 'a.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    // Word by word: every Arabic word of the title and summary is read back whole, no letter split off.
    // (Printed in Noto Naskh 5, whose dots are separate marks, pdftotext gave "ت بو" and a stray "ن" for
    // تبون; the print face is Amiri.) Harakat are left out of the comparison: pdftotext orders a mark by
    // where it is drawn, so a shadda may come before its letter ("تغّيرت").
    const bare = (s: string) => s.replace(/[\u064b-\u0652\u0670\u200e\u200f\u202a-\u202e]/g, '');
    const article = (await temp.store.getArticle((await temp.store.resolvePath('/ar/policy-analysis/trq-alhbwb-bd-alhrb'))!.id))!;
    const words = new Set(bare(text).split(/[\s\p{P}]+/u));
    const wanted = bare(`${article.title} ${article.summary}`).split(/[\s\p{P}]+/u).filter((w) => /\p{Script=Arabic}/u.test(w));
    assert.ok(wanted.some((w) => w.includes('ن')), 'the sample has a noon');
    assert.deepEqual(wanted.filter((w) => !words.has(w)), [], `words not read back whole from:\n${text.slice(0, 800)}`);
    const letters = text.replace(/[\s\u200e\u200f\u202a-\u202e]+/g, '');
    assert.ok(letters.includes('طرقالحبوببعدالحرب'), 'the title in logical order');
    assert.ok(letters.includes('ليلىحداد'), 'the author');
    assert.ok(letters.includes('معهدالقنطرةلسياساتشمالأفريقيا'), 'the institute');
    assert.ok(!letters.includes('برحلادعبوبحلاقرط'), 'not reversed');
    assert.match(text, /https:\/\/inst.example\/ar\/policy-analysis\/trq-alhbwb-bd-alhrb/, 'the page address');
    // For a person to look at; a fresh clone has no test-results/ until some test makes it.
    mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(process.cwd(), 'test-results', 'site-pdf-ar')]);
    writeFileSync(join(process.cwd(), 'test-results', 'site-pdf-ar.pdf'), Buffer.from(await (await app.request('/ar/policy-analysis/trq-alhbwb-bd-alhrb.pdf')).arrayBuffer()));
    assert.equal((await app.request('/ar/policy-analysis/no-such.pdf')).status, 404);
  } finally {
    await temp.cleanup();
  }
});
