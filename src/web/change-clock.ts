/**
 * @module What the caches of one server know about content changes. Every change applied moves the
 * generation on and stamps its tags (`article:<id>`, `term:<id>`, `expert:<id>`, `list:<lang>`) with it; a
 * change tagged `*` stamps everything. A cached entry remembers the generation it was rendered at and the
 * tags it depends on: it stays fresh until one of its tags is stamped later. An entry without tags depends
 * on everything (any change drops it), so a page nobody tagged is never served stale.
 */

export class ChangeClock {
  #gen = 0;
  #everything = 0;
  readonly #stamps = new Map<string, number>();

  /** The generation now: stamp an entry with it before reading what it is built from. */
  get gen(): number {
    return this.#gen;
  }

  /** Applies one change. */
  apply(tags: readonly string[]): void {
    const gen = ++this.#gen;
    if (tags.length === 0 || tags.includes('*')) {
      this.#everything = gen;
      return;
    }
    for (const tag of tags) this.#stamps.set(tag, gen);
  }

  /** Drops everything (a change log that cannot be followed, a lost position). */
  reset(): void {
    this.apply(['*']);
  }

  /**
   * Whether an entry built at `gen` from what `tags` name is still current (`null`: from anything).
   *
   * @example clock.fresh(3, ['article:a1']) // → false once a change tagged article:a1 came after generation 3
   */
  fresh(gen: number, tags: readonly string[] | null): boolean {
    if (gen < this.#everything) return false;
    if (tags === null) return gen === this.#gen;
    for (const tag of tags) if ((this.#stamps.get(tag) ?? 0) > gen) return false;
    return true;
  }
}
