/**
 * Regression (issue 13): "بـ الإنجليزية" / "بـالإنجليزية". An attached preposition joins an Arabic word
 * without a tatweel (بالإنجليزية); the tatweel form is only for what does not join, a Latin address or a
 * quotation mark (بـ https://، بـ«…»). Every catalog is checked, the reader's and the editors'.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mt } from '../../src/web/admin/media/media-i18n.ts';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

test('no catalog string joins بـ (with tatweel) to an Arabic word or to a placeholder filled with one', () => {
  const bad: string[] = [];
  for (const file of sources(SRC)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // In a string literal ('…' or `…`; comments may quote the wrong form): ب + tatweel, then (after
        // optional spaces) an Arabic letter or a {placeholder}.
        const literals = line.match(/'[^']*'|`[^`]*`/gu) ?? [];
        if (literals.some((s) => /بـ\s*(?:[\u0621-\u064A]|\{)/u.test(s))) bad.push(`${file.slice(SRC.length)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(bad, []);
});

test('the media library names a missing description "بالإنجليزية", one word', () => {
  assert.equal(mt('ar', 'missing', { lang: 'الإنجليزية' }), 'لا نص بديل بالإنجليزية');
  assert.equal(mt('ar', 'leadNoAlt', { lang: 'العربية' }), 'لا نص بديل بالعربية');
});
