/**
 * The editor's document is a view of the Article blocks: every kind goes in and comes back out equal,
 * links at the same offsets, for generated bodies (fast-check) in Arabic and English, and for the body
 * the importer reads from the seed page.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { BlockSchema, type Block, type Link } from '../../../src/model/index.ts';
import { readPage } from '../../../src/ingest/index.ts';
import { blocksFromDoc, docFromBlocks } from '../../../src/web/admin/editor/client/blocks.ts';

const word = fc.constantFrom('ميزان', 'الجزائر', 'روسيا', '٢٠٢٣', '76%', 'Ukraine', '"the deal"', 'و', 'في', '،', 'PolicyWatch', '3740', 'تحليل');
const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const url = fc.constantFrom('https://example.org/a', 'https://example.org/a', 'https://www.un.org/x?id=1', '/ar/experts/x', 'mailto:a@example.org');

/** Text with links at non-overlapping places, some of them bare (start = end). */
const linked = fc
  .tuple(text, fc.array(fc.tuple(fc.nat(), fc.nat(5), url, fc.boolean()), { maxLength: 4 }), fc.boolean())
  .map(([t, picks, br]) => {
    const s = br ? t.replace(' ', '\n') : t;
    const cuts = picks.map(([p, len, u, bare]) => ({ start: p % (s.length + 1), len: bare ? 0 : len + 1, u })).sort((a, b) => a.start - b.start);
    const links: Link[] = [];
    let at = 0;
    for (const c of cuts) {
      if (c.start < at) continue;
      const end = Math.min(s.length, c.start + c.len);
      if (c.len > 0 && end === c.start) continue;
      // Two links to one address touching each other stay two links.
      links.push({ text: s.slice(c.start, end), url: c.u, start: c.start, end });
      at = end === c.start ? end + 1 : end;
    }
    return { text: s, links };
  });

const block: fc.Arbitrary<Block> = fc.oneof(
  linked.map((l) => ({ kind: 'paragraph' as const, ...l })),
  fc.tuple(linked, fc.integer({ min: 2, max: 6 })).map(([l, level]) => ({ kind: 'heading' as const, text: l.text, level, links: l.links })),
  linked.map((l) => ({ kind: 'quote' as const, ...l })),
  linked.map((l) => ({ kind: 'note' as const, ...l })),
  fc.constant(null).map((): Block => ({ kind: 'gap', text: '', links: [] })),
  fc.tuple(fc.boolean(), fc.array(linked, { minLength: 1, maxLength: 4 })).map(([ordered, items]) => ({ kind: 'list' as const, ordered, items })),
  fc.tuple(url, text, fc.string(), fc.string()).map(([src, alt, caption, credit]) => ({ kind: 'image' as const, src, alt, caption, credit })),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([w, h]) => fc.array(fc.array(text, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }))
    .map((rows) => ({ kind: 'table' as const, rows })),
);

test('every block kind goes through the editor document and back unchanged', () => {
  fc.assert(
    fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
      const parsed = blocks.map((b) => BlockSchema.parse(b));
      assert.deepEqual(blocksFromDoc(docFromBlocks(parsed)), parsed);
    }),
    { numRuns: 300 },
  );
});

test('the document is checked against the schema (each kind where it may be)', () => {
  const doc = docFromBlocks([
    { kind: 'paragraph', text: 'فقرة فيها "a quote" و٣ أرقام', links: [{ text: 'a quote', url: 'https://example.org', start: 10, end: 17 }] },
    { kind: 'list', ordered: true, items: [{ text: 'أول', links: [] }] },
    { kind: 'table', rows: [['a', 'ب'], ['1', '٢']] },
    { kind: 'image', src: 'https://example.org/i.png', alt: 'صورة', caption: '', credit: '' },
  ]);
  doc.check();
  assert.deepEqual(
    doc.content.content.map((n) => n.type.name),
    ['paragraph', 'ordered_list', 'table', 'image'],
  );
});

test('blank blocks a writer leaves behind are not stored', () => {
  const doc = docFromBlocks([]);
  assert.equal(doc.childCount, 1);
  assert.deepEqual(blocksFromDoc(doc), []);
});

const SEED = new URL('../../../../shared/seeds/000_5cd05298e511e9f1.txt', import.meta.url);
test('the seed page body goes through the editor unchanged', { skip: existsSync(SEED) ? false : 'the shared seeds folder is absent' }, () => {
  const page = readPage({ file: 'seed.txt', bytes: readFileSync(SEED) });
  const body = page.articles[0].body;
  assert.ok(body.length >= 8, `the seed body has ${body.length} blocks`);
  assert.deepEqual(blocksFromDoc(docFromBlocks(body)), body);
});
