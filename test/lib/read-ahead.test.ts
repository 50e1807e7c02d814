/**
 * A reindex reads articles ahead of indexing them (lib/read-ahead.ts): every article must come, once and
 * in order; a source's error must reach the loop at the item where it happened; and once the loop is
 * left, nothing more may be read (a transaction's connection is not used after the transaction ended).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAhead } from '../../src/lib/index.ts';

/** A paged source like `allArticles`: each page an awaited read; `reads` counts them. */
function pages(total: number, size: number, failAt?: number) {
  const log = { reads: 0, open: false };
  async function* source() {
    log.open = true;
    try {
      for (let from = 0; from < total; from += size) {
        log.reads++;
        await new Promise((r) => setImmediate(r));
        for (let i = from; i < Math.min(total, from + size); i++) {
          if (i === failAt) throw new Error(`page read failed at ${i}`);
          yield `مقال ${i}`;
        }
      }
    } finally {
      log.open = false;
    }
  }
  return { log, source: source() };
}

test('every item comes once, in order, with pages read before they are wanted', async () => {
  const { log, source } = pages(250, 100);
  const seen: string[] = [];
  for await (const item of readAhead(source, 120)) {
    // While the first item is handled, the reads for the next 120 have been asked for.
    if (seen.length === 0) {
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      assert.equal(log.reads, 2);
    }
    seen.push(item);
  }
  assert.deepEqual(seen, Array.from({ length: 250 }, (_, i) => `مقال ${i}`));
  assert.equal(log.open, false);
});

test("a source's error reaches the loop after the items before it", async () => {
  const { source } = pages(300, 100, 150);
  const seen: string[] = [];
  await assert.rejects(async () => {
    for await (const item of readAhead(source, 50)) seen.push(item);
  }, /page read failed at 150/);
  assert.equal(seen.length, 150);
});

test('leaving the loop early closes the source and reads nothing more', async () => {
  const { log, source } = pages(1000, 100);
  for await (const item of readAhead(source, 150)) if (item === 'مقال 10') break;
  const reads = log.reads;
  assert.equal(log.open, false);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(log.reads, reads);
  assert.ok(reads <= 2, `read ${reads} pages for 11 items`);
});
