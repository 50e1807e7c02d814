/** @module The one place that turns errors into messages and exit codes for the CLI. */
import { MizanError, UsageError } from '../lib/index.ts';

/** Prints `err` on stderr and returns the exit code it deserves: 2 usage, 1 user error, 1 anything else. */
export function reportError(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`mizan: ${err.message}\n`);
    return 2;
  }
  if (err instanceof MizanError) {
    process.stderr.write(`mizan: ${err.where()}\n`);
    return 1;
  }
  const e = err as Error;
  process.stderr.write(`mizan: unexpected error: ${e?.stack ?? String(err)}\n`);
  return 1;
}
