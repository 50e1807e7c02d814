/**
 * @module Reading an async source ahead of its consumer: while the consumer works on one item, the
 * source is already fetching the next ones. A rebuild on PostgreSQL leaves its writes to the server
 * while it analyzes the next articles; without this, each page of articles it reads waits in line
 * behind those writes on the one connection, and Node and the server take turns instead of working
 * at once.
 */

/**
 * The items of `source`, in order, with up to `ahead` of them asked for before they are wanted.
 * Leaving the loop early (break, an error) waits for what was asked, then closes the source: nothing
 * of it runs after the loop (a transaction's connection is not used once it has ended).
 *
 * @example
 * for await (const a of readAhead(tx.allArticles(), 300)) await load.add(a);
 */
export async function* readAhead<T>(source: AsyncIterable<T>, ahead: number): AsyncGenerator<T, void, undefined> {
  const it = source[Symbol.asyncIterator]();
  const asked: Promise<IteratorResult<T>>[] = [];
  let ended = false;
  try {
    for (;;) {
      // An async generator queues these and answers them in order; past its end each answer is `done`.
      while (!ended && asked.length < ahead) {
        const next = it.next();
        next.then((r) => void (r.done && (ended = true)), () => void (ended = true)); // its error is thrown where it is awaited
        asked.push(next);
      }
      const r = await asked.shift()!;
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await Promise.allSettled(asked);
    await it.return?.();
  }
}
