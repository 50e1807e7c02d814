/** Views and interface strings on plain data: escaping, links at their offsets, plurals, dates. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CATALOGS, formatSiteDate, t } from '../../src/web/i18n/index.ts';
import { jsonForScript, Layout, renderPage } from '../../src/web/views/layout.tsx';
import { LinkedText } from '../../src/web/views/linked-text.tsx';
import { safeHref } from '../../src/web/views/safe-href.ts';

async function html(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('interface strings', () => {
  test('every catalog gives every key, none empty', () => {
    const keys = Object.keys(CATALOGS.en);
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      for (const key of keys) assert.ok((catalog as Record<string, string>)[key]?.trim(), `${lang} ${key}`);
    }
  });

  test('Arabic plurals follow the language: one, two, few, many', () => {
    assert.equal(t('ar', 'article.source.cited', { n: 1 }), 'ورد مرة واحدة');
    assert.equal(t('ar', 'article.source.cited', { n: 2 }), 'ورد مرتين');
    assert.equal(t('ar', 'article.source.cited', { n: 5 }), 'ورد 5 مرات');
    assert.equal(t('ar', 'article.source.cited', { n: 11 }), 'ورد 11 مرة');
    assert.equal(t('en', 'listing.count', { n: 1 }), '1 item');
    assert.equal(t('en', 'listing.count', { n: 1200 }), '1,200 items');
  });

  test('a language without a catalog falls back to English', () => {
    assert.equal(t('fa', 'nav.search'), 'Search');
  });

  test('dates as the site writes them', () => {
    assert.equal(formatSiteDate('2023-05-18', 'ar'), '18 أيار/مايو 2023');
    assert.equal(formatSiteDate('2023-05-18', 'en'), 'May 18, 2023');
    assert.equal(formatSiteDate('not a date', 'ar'), 'not a date');
  });
});

describe('views', () => {
  test('links sit at their offsets and the text reads the same without them (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('a', 'ب', ' ', '<', '&', '"', 'ة', 'Z'), maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 4 }),
        async (text, spans) => {
          const links = spans
            .map(([start, len]) => ({ start: Math.min(start, text.length), end: Math.min(start + len + 1, text.length) }))
            .filter((l) => l.start < l.end)
            .map((l) => ({ ...l, text: text.slice(l.start, l.end), url: 'https://example.org/x?a=1&b=2' }));
          const out = await html(LinkedText({ text, links }));
          assert.equal(unescape(out.replace(/<[^>]*>/g, '')), text);
          assert.doesNotMatch(out.replace(/<\/?a[^>]*>/g, ''), /<|>/, 'only <a> is markup');
        },
      ),
      { numRuns: 200 },
    );
  });

  test('unsafe addresses are not linked', async () => {
    assert.equal(safeHref('javascript:alert(1)'), undefined);
    assert.equal(safeHref('data:text/html,x'), undefined);
    assert.equal(safeHref('//evil.example/x'), undefined);
    assert.equal(safeHref('/ar/experts/x'), '/ar/experts/x');
    const out = await html(LinkedText({ text: 'click here', links: [{ text: 'here', url: 'javascript:alert(1)', start: 6, end: 10 }] }));
    assert.equal(out, 'click here');
  });

  test('the layout escapes what it is given, JSON-LD included', async () => {
    const page = await renderPage(
      Layout({ lang: 'ar', title: '</title><script>alert(1)</script>', description: '"><img src=x onerror=alert(1)>', jsonLd: { name: '</script><script>alert(1)</script>' }, children: 'x' }),
    );
    assert.match(page, /^<!doctype html><html lang="ar" dir="rtl">/);
    assert.doesNotMatch(page, /<script>alert/);
    assert.doesNotMatch(page, /<img src=x/);
    assert.equal(jsonForScript('</script>'), '"\\u003c/script>"');
  });
});
