/**
 * @module Transactions that meet another writer try again instead of failing. On SQLite that is a write
 * lock still held when `BEGIN IMMEDIATE` gave up (SQLITE_BUSY); on PostgreSQL a serialization failure
 * (40001), a deadlock (40P01), or a unique key another transaction inserted after this one looked for it
 * (23505: two importers adding the same expert at once). The transaction was rolled back whole, so
 * running it again is safe; the pause grows, with jitter, up to a total wait after which the error is
 * the caller's.
 */
import type { Engine } from './store.ts';

/** How long a writer keeps trying before the error is reported: writers wait, they fail only when stuck. */
export const RETRY_BUDGET_MS = 120_000;

/** A unique-key clash is retried a few times only: after that it is a real conflict, not a race. */
const UNIQUE_ATTEMPTS = 4;

interface CodedError {
  code?: unknown;
}

/** Whether `err` means "another writer was in the way": `isTransient({ code: 'SQLITE_BUSY' }, 'sqlite')` → true. */
export function isTransient(err: unknown, engine: Engine): boolean {
  const code = String((err as CodedError | null)?.code ?? '');
  if (engine === 'sqlite') return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  return code === '40001' || code === '40P01' || code === '23505';
}

/**
 * Whether `err` is the database refusing a write because the connection was opened for reading only
 * (`openStore({ readOnly: true })`): SQLITE_READONLY, or PostgreSQL's read-only transaction (25006).
 *
 * @example isReadOnlyRefusal({ code: 'SQLITE_READONLY' }) // → true
 */
export function isReadOnlyRefusal(err: unknown): boolean {
  const code = String((err as CodedError | null)?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code === '25006';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn`, and again after a pause each time it fails for a transient reason.
 *
 * @example
 * await withRetry('sqlite', () => db.transaction().execute(write)); // waits out another process's import
 */
export async function withRetry<T>(engine: Engine, fn: () => Promise<T>, budgetMs = RETRY_BUDGET_MS): Promise<T> {
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const unique = (err as CodedError | null)?.code === '23505';
      if (!isTransient(err, engine) || Date.now() - start > budgetMs || (unique && attempt + 1 >= UNIQUE_ATTEMPTS)) throw err;
      // Short pauses first: another writer's transaction usually lasts milliseconds, and a long pause
      // would miss the gap between two of an importer's files.
      const pause = Math.min(5 * 2 ** Math.min(attempt, 6), 250);
      await sleep(pause * (0.5 + Math.random()));
    }
  }
}
