/** @module Runs the real `mizan` binary in a child process, as a user would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/mizan.js', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `runMizan(['import', file, '--db', db])` → exit code and output. */
export function runMizan(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // As a user runs it: dist/ when it is current (`npm test` compiles first), else the sources (bin/mizan.js).
    const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
    if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: opts.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
