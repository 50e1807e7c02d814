/**
 * Regression (issue 20, item 7): searches ran all at once, each on the event loop, so a flood of them
 * starved the article pages (6,236 → 142 requests/s). The gate runs a few at a time, in arrival order,
 * hands each slot on after a turn of the event loop, and refuses what would queue without bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchBusyError, SearchGate } from '../../src/web/search-gate.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('the gate runs at most its concurrency at once, in arrival order', async () => {
  const gate = new SearchGate({ concurrency: 2 });
  let running = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await tick();
        await tick();
        running--;
      }),
    ),
  );
  assert.equal(most, 2);
  assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('between two searches other work gets a turn of the event loop', async () => {
  const gate = new SearchGate({ concurrency: 1 });
  const events: string[] = [];
  const first = gate.run(async () => {
    events.push('search 1');
    setImmediate(() => events.push('a page'));
  });
  const second = gate.run(async () => void events.push('search 2'));
  await Promise.all([first, second]);
  assert.deepEqual(events, ['search 1', 'a page', 'search 2']);
});

test('searches answered by worker processes follow each other at once: the loop is not theirs to share', async () => {
  // Paced like searches on this thread, a worker sat idle as long as its last search had run whenever the
  // server's loop was busy: half its capacity lost (133 against 220 searches a second at 32 connections).
  const gate = new SearchGate({ concurrency: 1, onThisThread: false });
  const events: string[] = [];
  const first = gate.run(async () => {
    events.push('search 1');
    setImmediate(() => events.push('a page'));
  });
  const second = gate.run(async () => void events.push('search 2'));
  await Promise.all([first, second]);
  assert.deepEqual(events, ['search 1', 'search 2']);
  await tick();
  assert.deepEqual(events, ['search 1', 'search 2', 'a page']);
});

test('work that can wait runs only on an idle slot: never ahead of a reader, never queued', async () => {
  const gate = new SearchGate({ concurrency: 1, onThisThread: false });
  let release!: () => void;
  const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
  assert.equal(gate.runIfIdle(async () => 'refresh'), undefined, 'the slot is taken');
  const reader = gate.run(async () => 'reader');
  release();
  await held;
  assert.equal(gate.runIfIdle(async () => 'refresh'), undefined, 'a reader was waiting: the reader goes first');
  assert.equal(await reader, 'reader');
  assert.equal(await gate.runIfIdle(async () => 'refresh'), 'refresh', 'idle: it runs');
});

test('a full queue refuses at once with a 503, and a failing search frees its slot', async () => {
  const gate = new SearchGate({ concurrency: 1, maxQueue: 2 });
  let release!: () => void;
  const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
  const queued = [gate.run(async () => 'a'), gate.run(async () => 'b')];
  await assert.rejects(gate.run(async () => 'c'), (err: unknown) => err instanceof SearchBusyError && err.status === 503);
  release();
  await held;
  assert.deepEqual(await Promise.all(queued), ['a', 'b']);
  await assert.rejects(gate.run(async () => Promise.reject(new Error('boom'))), /boom/);
  assert.equal(await gate.run(async () => 'after'), 'after');
});

test('a reader who leaves takes the search out of the queue: it never runs', async () => {
  const gate = new SearchGate({ concurrency: 1 });
  let release!: () => void;
  const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
  const leaving = new AbortController();
  let ran = false;
  const gone = gate.run(async () => void (ran = true), leaving.signal);
  const stays = gate.run(async () => 'stays');
  leaving.abort();
  await assert.rejects(gone, SearchBusyError);
  release();
  await held;
  assert.equal(await stays, 'stays');
  assert.equal(ran, false);
});

test('a reader who leaves just as the slot is handed over does not keep the slot', async () => {
  const gate = new SearchGate({ concurrency: 1 });
  let release!: () => void;
  const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
  const leaving = new AbortController();
  const gone = gate.run(async () => 'never', leaving.signal);
  release();
  await held; // the slot is now handed to `gone`, starting on the next turn
  leaving.abort();
  await assert.rejects(gone, SearchBusyError);
  assert.equal(await gate.run(async () => 'next'), 'next', 'the slot was passed on');
});

test('when pages wait, the next search waits as long as the last one ran: searches take about half the loop', async () => {
  const gate = new SearchGate({ concurrency: 1 });
  const events: string[] = [];
  const spin = (ms: number) => {
    const t = performance.now();
    while (performance.now() - t < ms);
  };
  const first = gate.run(async () => {
    events.push('search 1');
    setImmediate(() => {
      spin(3); // pages being served: the turn after the search comes round late
      events.push('a page');
      setTimeout(() => events.push('the next page'), 0);
    });
    spin(20);
  });
  const second = gate.run(async () => void events.push('search 2'));
  await Promise.all([first, second]);
  assert.deepEqual(events, ['search 1', 'a page', 'the next page', 'search 2']);
});
