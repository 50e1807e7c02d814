/**
 * @module Ends a command stopped by a signal (Ctrl-C, a supervisor, a closed terminal) through
 * `process.exit`, not the signal's default action, which skips the process's exit handlers: the PDF
 * printer's Chromium is killed by Playwright's, and its profile folder removed from the temporary folder.
 */
import { constants } from 'node:os';

/**
 * Until the returned function is called, SIGINT, SIGTERM or SIGHUP exits with 128 + the signal's number
 * (130 for Ctrl-C), as a shell reports a command the signal ended.
 *
 * @example const release = exitOnSignal(); try { await build() } finally { release() }
 */
export function exitOnSignal(): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => process.exit(128 + constants.signals[signal]);
  for (const s of signals) process.on(s, onSignal);
  return () => {
    for (const s of signals) process.off(s, onSignal);
  };
}
