/**
 * @module `Remembered`: results of a pure function of a string, kept for the strings a page asks for
 * again and again (titles, names), up to a bound; when full it starts afresh rather than tracking use.
 */

/**
 * @example const slugs = new Remembered<string>(10_000); slugs.get('الجزائر', () => slugOf('الجزائر'))
 */
export class Remembered<V> {
  readonly #max: number;
  readonly #values = new Map<string, V>();

  constructor(max: number) {
    this.#max = max;
  }

  /** The value kept for `key`, else `make()`'s, kept. */
  get(key: string, make: () => V): V {
    let value = this.#values.get(key);
    if (value === undefined) {
      value = make();
      if (this.#values.size >= this.#max) this.#values.clear();
      this.#values.set(key, value);
    }
    return value;
  }
}
